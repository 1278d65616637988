package dev.pacer.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The keys of the local stack's secrets, kept out of Redis, command lines and logs: the embedded store's
 * key-encryption key is generated once and kept in {@code <stack dir>/secrets-kek} (mode 0600) so that
 * values stored in a persistent Redis stay readable across runs; the grant key is new on every run. Both
 * go into {@code <stack dir>/secrets.properties} (0600), which the scheduler, secrets-service and the
 * agents import ({@code spring.config.import}).
 */
final class StackSecrets {

    private final Path properties;

    private StackSecrets(Path properties) {
        this.properties = properties;
    }

    /** Creates (or refreshes) the key files in {@code dir}. */
    static StackSecrets prepare(Path dir) {
        try {
            Files.createDirectories(dir);
            Path kekFile = dir.resolve("secrets-kek");
            if (Files.notExists(kekFile)) {
                writeOwnerOnly(kekFile, random32() + "\n");
            }
            String kek = Files.readString(kekFile).trim();
            Path properties = dir.resolve("secrets.properties");
            writeOwnerOnly(properties, "# written by the local stack on every run; never commit\n"
                    + "pacer.secrets.embedded.keys.1=" + kek + "\n"
                    + "pacer.secrets.grant-key=" + random32() + "\n");
            return new StackSecrets(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the stack's secret keys in " + dir, e);
        }
    }

    /** The argument that makes a service read the keys. */
    String importArgument() {
        return "--spring.config.import=optional:file:" + properties;
    }

    private static String random32() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(content);
        }
    }
}
