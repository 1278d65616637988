package dev.pacer.agent.secrets;

import dev.pacer.contract.secrets.RedeemRequest;
import dev.pacer.contract.secrets.RedeemResponse;
import dev.pacer.contract.task.LaunchRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Redeems the task's grant at secrets-service, then puts each value where the app asked: an environment
 * variable of the task, or a file in its sandbox created with mode 0600.
 */
public final class GrantSecretInjector implements SecretInjector {

    private static final Logger log = LoggerFactory.getLogger(GrantSecretInjector.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretsClient client;
    private final String agentId;

    public GrantSecretInjector(SecretsClient client, String agentId) {
        this.client = client;
        this.agentId = agentId;
    }

    @Override
    public Map<String, String> prepare(LaunchRequest request, Path sandbox) throws IOException {
        if (request.secretEnv().isEmpty() && request.secretFiles().isEmpty()) {
            return Map.of();
        }
        if (request.secretGrant() == null) {
            throw new IOException("the task needs secrets but its launch carries no grant "
                    + "(is pacer.secrets.grant-key set on the scheduler?)");
        }
        RedeemResponse redeemed = client.redeem(new RedeemRequest(request.secretGrant(), agentId, request.taskId()));
        Map<String, String> env = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : request.secretEnv().entrySet()) {
            env.put(e.getKey(), value(redeemed, e.getValue()));
        }
        for (Map.Entry<String, String> f : request.secretFiles().entrySet()) {
            write(sandbox, f.getKey(), value(redeemed, f.getValue()));
        }
        log.info("Task {}: {} secret variable(s), {} secret file(s) provided", request.taskId(), env.size(),
                request.secretFiles().size());
        return env;
    }

    private static String value(RedeemResponse redeemed, String path) throws IOException {
        String value = redeemed.values().get(path);
        if (value == null) {
            throw new IOException("secret " + path + " was not provided");
        }
        return value;
    }

    /** Writes {@code value} to {@code relative} inside the sandbox, owner-only from the moment the file exists. */
    static void write(Path sandbox, String relative, String value) throws IOException {
        Path root = sandbox.toAbsolutePath().normalize();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IOException("secret file " + relative + " is outside the sandbox");
        }
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.setPosixFilePermissions(file, OWNER_ONLY); // the umask cannot widen it, but may narrow it: make it exact
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
