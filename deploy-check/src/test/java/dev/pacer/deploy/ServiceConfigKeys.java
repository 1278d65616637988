package dev.pacer.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a Pacer service reads a configuration name — an environment variable ({@code PACER_SECRETS_GRANT_KEY})
 * or a property ({@code pacer.secrets.grant-key}) — as Spring Boot's relaxed binding maps it, so that a manifest,
 * a compose file or a script that sets a renamed or misspelt name fails a test instead of being ignored.
 *
 * <p>A name exists for a service when one of these knows it: the service's and service-autoconfigure's
 * {@code application*.yml|properties} and {@code pacer-defaults.properties} (keys and the names of their
 * placeholders: {@code PORT}, {@code REDIS_URL}, {@code EUREKA_URL}, {@code PACER_HOSTNAME}, ...); their
 * {@code @ConfigurationProperties} records ({@code PACER_TLS_*}, {@code PACER_PROBES_*}, {@code pacer.agent.*});
 * Spring's own metadata ({@code SPRING_DATA_REDIS_URL}, {@code EUREKA_INSTANCE_HOSTNAME}, shared by every
 * service); or the service image's launcher ({@code JAVA_OPTS}, {@code JAVA_TOOL_OPTIONS}: containers/service).
 *
 * <pre>{@code
 * ServiceConfigKeys.exists("scheduler", "PACER_SECRETS_GRANT_KEY")          // true
 * ServiceConfigKeys.exists("scheduler-service", "PACER_SECRETS_GRANT_KEYS") // false: no such property
 * ServiceConfigKeys.explain("agent", "PACER_AGENT_WORK_DIR")                // "pacer.agent.work-dir (AgentProperties)"
 * }</pre>
 * Services are named by module ({@code scheduler-service}) or short ({@code scheduler}).
 */
public final class ServiceConfigKeys {

    private static final Map<Path, ServiceConfigKeys> BY_ROOT = new ConcurrentHashMap<>();
    private static final Pattern IMAGE_VARIABLE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)|\\bENV\\s+([A-Z][A-Z0-9_]*)=");

    private final Path root;
    private final Map<String, List<ConfigKey>> byService = new ConcurrentHashMap<>();
    private final List<ConfigKey> shared;

    private ServiceConfigKeys(Path root) {
        this.root = root;
        List<ConfigKey> common = new ArrayList<>(SpringMetadata.keys());
        common.addAll(imageVariables(root));
        this.shared = List.copyOf(common);
    }

    /** The configuration of the checkout at {@code root} (read once, then cached). */
    public static ServiceConfigKeys of(Path root) {
        return BY_ROOT.computeIfAbsent(root.toAbsolutePath().normalize(), ServiceConfigKeys::new);
    }

    /** Whether {@code service} (of the checkout the tests run in) reads {@code envOrPropertyName}. */
    public static boolean exists(String service, String envOrPropertyName) {
        return of(Repo.root()).has(service, envOrPropertyName);
    }

    /** Where {@code service} reads {@code envOrPropertyName}, or a sentence saying that it does not. */
    public static String explain(String service, String envOrPropertyName) {
        return of(Repo.root()).where(service, envOrPropertyName)
                .map(k -> k.name() + " (" + k.source() + ")")
                .orElse(module(service) + " reads no configuration named " + envOrPropertyName);
    }

    public boolean has(String service, String envOrPropertyName) {
        return where(service, envOrPropertyName).isPresent();
    }

    public Optional<ConfigKey> where(String service, String envOrPropertyName) {
        List<ConfigKey> keys = byService.computeIfAbsent(module(service), this::load);
        return keys.stream().filter(k -> k.matches(envOrPropertyName)).findFirst()
                .or(() -> shared.stream().filter(k -> k.matches(envOrPropertyName)).findFirst());
    }

    /** Whether {@code service} names a service module of this checkout ({@code scheduler}, {@code agent-service}). */
    public boolean isService(String service) {
        return Files.isDirectory(root.resolve(module(service)).resolve("src/main"));
    }

    /** {@code scheduler} or {@code scheduler-service}: the module's name. */
    static String module(String service) {
        return service.endsWith("-service") ? service : service + "-service";
    }

    private List<ConfigKey> load(String module) {
        Path dir = root.resolve(module);
        if (!Files.isDirectory(dir.resolve("src/main"))) {
            throw new IllegalArgumentException("no service module " + module + " in " + root);
        }
        List<Path> modules = List.of(dir, root.resolve("service-autoconfigure"));
        List<ConfigKey> keys = new ArrayList<>();
        modules.forEach(m -> keys.addAll(ConfigFiles.keys(m)));
        keys.addAll(ConfigClasses.keys(modules));
        return List.copyOf(keys);
    }

    /** The variables the service image's Dockerfile sets and its launcher script reads. */
    private static List<ConfigKey> imageVariables(Path root) {
        List<ConfigKey> keys = new ArrayList<>();
        for (String file : List.of("containers/service/Dockerfile", "containers/service/pacer-service")) {
            Path path = root.resolve(file);
            if (Files.isRegularFile(path)) {
                Matcher m = IMAGE_VARIABLE.matcher(Repo.read(path));
                while (m.find()) {
                    String name = m.group(1) != null ? m.group(1) : m.group(2);
                    if (name.startsWith("JAVA_")) {
                        keys.add(new ConfigKey(name, false, file));
                    }
                }
            }
        }
        return keys;
    }
}
