package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.pacer.runtime.ClusterPki;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code docker-compose.yml}, {@code containers/compose/prometheus.yml} and {@code run-local.sh --compose-secrets}
 * agree, without a Docker engine: every container that mounts generated material gets a directory of its own name
 * whose certificate names it; every Pacer service is scraped by Prometheus on the port it serves; Redis persists
 * (AOF, fsync every second, in a volume); nothing secret is in the files. {@code ComposeIT} runs the file for real.
 */
class ComposeFileTest {

    private static final Path HOME = SharedStack.HOME;
    private static final String MOUNT = "${PACER_COMPOSE_SECRETS:-./.pacer/compose}/";

    @Test
    void everyContainerMountsOnlyItsOwnGeneratedDirectory_andEveryGeneratedDirectoryIsMounted() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Map<String, String> mounted = new LinkedHashMap<>();
        services.forEach((name, service) -> {
            List<String> own = volumes(service).stream().filter(v -> v.startsWith(MOUNT))
                    .map(v -> v.substring(MOUNT.length())).toList();
            assertThat(own).as("%s mounts at most one generated directory", name).hasSizeLessThanOrEqualTo(1);
            own.forEach(v -> mounted.put(name, v));
        });
        mounted.forEach((name, volume) -> assertThat(volume).as(name).isEqualTo(name + ":/etc/pacer:ro"));

        Set<String> generated = ComposeSecrets.CONTAINERS.stream().map(ComposeSecrets.Container::name)
                .filter(n -> !n.equals(StackPki.OPERATOR)).collect(Collectors.toCollection(TreeSet::new));
        generated.addAll(List.of("redis", "vault"));
        assertThat(mounted.keySet()).as("containers with generated material").containsExactlyInAnyOrderElementsOf(generated);
    }

    @Test
    void theContainersThatReadGeneratedFilesRunAsTheUidTheFilesAreGivenTo() throws IOException {
        Map<String, Map<String, Object>> services = services();
        String uid = ComposeSecrets.SERVICE_UID + ":" + ComposeSecrets.SERVICE_UID;
        assertThat(services.get("redis").get("user")).isEqualTo(uid);
        assertThat(services.get("prometheus").get("user")).isEqualTo(uid);
        // the Pacer images run as their own user (10001, the agent root): no override in the file
        ComposeSecrets.CONTAINERS.stream().filter(ComposeSecrets.Container::isService)
                .forEach(c -> assertThat(services.get(c.name())).as(c.name()).doesNotContainKey("user"));
    }

    /** As the local stack's embedded Redis: an append-only file fsynced every second, in a named volume that outlives the container. */
    @Test
    void redisPersistsAnAppendOnlyFile_fsyncedEverySecond_inANamedVolume() throws IOException {
        Map<String, Object> redis = services().get("redis");
        @SuppressWarnings("unchecked")
        String command = String.join(" ", (List<String>) redis.get("command"));
        assertThat(command).contains("--appendonly yes", "--appendfsync everysec", "--dir /data");
        assertThat(volumes(redis)).contains("redis-data:/data");
        assertThat(load(HOME.resolve("docker-compose.yml"))).extractingByKey("volumes", MAP).containsKey("redis-data");
    }

    @Test
    void prometheusScrapesEveryPacerContainer_onThePortItServes() throws IOException {
        Map<String, Map<String, Object>> services = services();
        Set<String> targets = new TreeSet<>();
        Map<String, Object> prometheus = load(HOME.resolve("containers/compose/prometheus.yml"));
        for (Map<String, Object> job : list(prometheus.get("scrape_configs"))) {
            if (job.get("job_name").equals("pacer")) {
                for (Map<String, Object> group : list(job.get("static_configs"))) {
                    @SuppressWarnings("unchecked")
                    List<String> t = (List<String>) group.get("targets");
                    targets.addAll(t);
                }
            }
        }
        Set<String> expected = new TreeSet<>();
        for (ComposeSecrets.Container c : ComposeSecrets.CONTAINERS) {
            if (c.isService()) {
                assertThat(services).as("compose service " + c.name()).containsKey(c.name());
                expected.add(c.name() + ":" + actuatorPort(c.name(), services.get(c.name())));
            }
        }
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void theFilesHoldNoSecret() throws IOException {
        for (Path file : List.of(HOME.resolve("docker-compose.yml"), HOME.resolve("containers/compose/prometheus.yml"),
                HOME.resolve("containers/compose/vault.yml"), HOME.resolve("containers/compose/docker-apps.yml"))) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).doesNotContainPattern("(?i)(password|secret|token|key)\\s*[:=]\\s*[\"']?(?![/.$])[A-Za-z0-9+/_-]{12,}")
                    .doesNotContain("PRIVATE KEY").doesNotContain("{bcrypt}").doesNotContainPattern("redis://[^ ]*:[^ ]*@");
        }
    }

    @Test
    void composeSecrets_givesEachContainerItsIdentityAndNames_andKeepsThemOnASecondRun(@TempDir Path dir) throws Exception {
        ComposeSecrets.write(dir, false);
        for (ComposeSecrets.Container c : ComposeSecrets.CONTAINERS) {
            X509Certificate cert = ClusterPki.readCertificate(dir.resolve(c.name()).resolve(ClusterPki.CERT));
            assertThat(ClusterPki.commonName(cert)).as(c.name()).isEqualTo(c.identity());
            assertThat(cert.getSubjectAlternativeNames().stream().map(n -> String.valueOf(n.get(1))))
                    .as(c.name()).contains(c.name(), "localhost");
            cert.verify(ClusterPki.readCertificate(dir.resolve(ClusterPki.CA_CERT)).getPublicKey());
        }
        String redisPassword = Files.readString(dir.resolve("redis/password")).trim();
        Map<String, String> gateway = properties(dir.resolve("gateway/pacer.properties"));
        assertThat(gateway.get("spring.data.redis.url")).isEqualTo("redis://pacer:" + redisPassword + "@redis:6379");
        assertThat(gateway.get("pacer.gateway.security.admin.password")).startsWith("{bcrypt}");
        assertThat(gateway).doesNotContainKey("pacer.secrets.grant-key");
        Map<String, String> secrets = properties(dir.resolve("secrets/pacer.properties"));
        assertThat(secrets).containsKeys("pacer.secrets.embedded.keys.1", "pacer.secrets.grant-key", "pacer.secrets.vault.token");
        assertThat(properties(dir.resolve("scheduler-1/pacer.properties")).get("pacer.secrets.grant-key"))
                .isEqualTo(secrets.get("pacer.secrets.grant-key"));
        assertThat(properties(dir.resolve("agent-a/pacer.properties"))).containsOnlyKeys("spring.data.redis.url");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("agent-a/key.pem")))).isEqualTo("rw-------");

        Map<Path, String> first = snapshot(dir, "ca.pem", "ca.key", "admin-credential", "redis/password", "vault/token",
                "keys/secrets-kek", "scheduler-1/cert.pem");
        ComposeSecrets.write(dir, false);
        assertThat(snapshot(dir, first.keySet().stream().map(p -> dir.relativize(p).toString()).toArray(String[]::new)))
                .as("a second run keeps the CA, certificates and passwords").isEqualTo(first);
    }

    private static int actuatorPort(String container, Map<String, Object> service) {
        @SuppressWarnings("unchecked")
        Map<String, Object> env = (Map<String, Object>) service.get("environment");
        if (env.containsKey("MANAGEMENT_SERVER_PORT")) {
            return Integer.parseInt(String.valueOf(env.get("MANAGEMENT_SERVER_PORT")));
        }
        String module = container.replaceFirst("-[0-9ab]$", "").replace("discovery", "discovery-service")
                .replace("scheduler", "scheduler-service").replace("secrets", "secrets-service")
                .replace("health", "health-service").replace("agent", "agent-service");
        try {
            String yml = Files.readString(HOME.resolve(module).resolve("src/main/resources/application.yml"));
            Matcher port = Pattern.compile("port: \\$\\{PORT:(\\d+)}").matcher(yml);
            assertThat(port.find()).as("PORT default of " + module).isTrue();
            return Integer.parseInt(port.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<Path, String> snapshot(Path dir, String... files) throws IOException {
        Map<Path, String> contents = new LinkedHashMap<>();
        for (String f : files) {
            contents.put(dir.resolve(f), Files.readString(dir.resolve(f)));
        }
        return contents;
    }

    private static Map<String, String> properties(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.startsWith("#") && l.contains("="))
                    .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        return (Map<String, Map<String, Object>>) load(HOME.resolve("docker-compose.yml")).get("services");
    }

    @SuppressWarnings("unchecked")
    private static List<String> volumes(Map<String, Object> service) {
        Object v = service.get("volumes");
        return v == null ? List.of() : new ArrayList<>((List<String>) v);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try (Reader in = Files.newBufferedReader(file)) {
            return (Map<String, Object>) new Yaml(options).load(in);
        }
    }
}
