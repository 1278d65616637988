package dev.pacer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.runtime.ClusterPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service images of {@code containers/build-images.sh --services}, on the real engine: every image carries its
 * OCI labels (version, git commit), its user and its HEALTHCHECK; discovery and the scheduler, started from their
 * images on loopback ports (host networking) with the cluster's mutual TLS material ({@link ClusterPki}, mounted
 * read-only) and Redis from {@code pacer/redis:7}, become healthy, answer {@code /readyz}, run as the
 * unprivileged user, and the scheduler's {@code /v2/info}, asked with the operator's certificate, reports the
 * commit the image's label names. Not part of the default {@code ./mvnw verify}: the profile
 * {@code service-images} runs it (containers/README.md).
 */
@RequiresDocker(images = {ServiceImagesIT.REDIS, "pacer/jre:17", "pacer/discovery:" + ServiceImagesIT.VERSION,
        "pacer/gateway:" + ServiceImagesIT.VERSION, "pacer/scheduler:" + ServiceImagesIT.VERSION,
        "pacer/secrets:" + ServiceImagesIT.VERSION, "pacer/health:" + ServiceImagesIT.VERSION,
        "pacer/agent:" + ServiceImagesIT.VERSION})
class ServiceImagesIT {

    static final String VERSION = "0.1.0-SNAPSHOT";
    static final String REDIS = "pacer/redis:7";
    private static final List<String> SERVICES = List.of("discovery", "gateway", "scheduler", "secrets", "health", "agent");
    private static final String LABEL = "pacer.test=ServiceImagesIT";
    private static final String LEAN_JVM = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -Xmx256m";
    private static final Duration START = Duration.ofMinutes(5);

    private static final List<Path> TLS_DIRS = new ArrayList<>();

    private final JsonMapper json = JsonMapper.builder().build();

    @AfterAll
    static void removeContainers() {
        String ids = DockerEngine.docker("ps", "-aq", "--filter", "label=" + LABEL).output().strip();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("rm", "-f"));
            rm.addAll(List.of(ids.split("\\s+")));
            DockerEngine.docker(rm.toArray(String[]::new));
        }
        for (Path dir : TLS_DIRS) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temp directory left behind holds only a throw-away test CA
            }
        }
    }

    @Test
    void versionMatchesTheBuild() {
        assertThat(VERSION).as("ServiceImagesIT.VERSION vs the project's version")
                .isEqualTo(System.getProperty("pacer.project.version", VERSION));
    }

    @Test
    void everyImage_carriesVersionCommitUserAndHealthcheck() {
        for (String service : SERVICES) {
            String image = image(service);
            assertThat(label(image, "org.opencontainers.image.version")).as(image).isEqualTo(VERSION);
            assertThat(label(image, "org.opencontainers.image.revision")).as(image).matches("[0-9a-f]{40}");
            assertThat(label(image, "org.opencontainers.image.title")).as(image).isEqualTo("pacer-" + service);
            assertThat(inspect(image, "{{json .Config.Healthcheck.Test}}")).as(image).isEqualTo("[\"CMD\",\"pacer-readyz\"]");
            // the agent isolates tasks (cgroups, per-app uids) only as root; every other service runs as pacer
            assertThat(inspect(image, "{{.Config.User}}")).as(image).isEqualTo(service.equals("agent") ? "root" : "pacer");
            assertThat(inspect(image, "{{json .Config.Env}}")).as(image)
                    .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        }
    }

    @Test
    void discoveryAndScheduler_startHealthyOnMutualTls_asNonRoot_andInfoReportsTheImagesCommit() throws Exception {
        int redisPort = FreePorts.next();
        int discoveryPort = FreePorts.next();
        int schedulerPort = FreePorts.next();
        int discoveryProbes = FreePorts.next();
        int schedulerProbes = FreePorts.next();
        run(REDIS, "redis-server", "--port", String.valueOf(redisPort), "--bind", "127.0.0.1", "--save", "");
        String redis = "redis://127.0.0.1:" + redisPort;
        String eureka = "https://localhost:" + discoveryPort + "/eureka/";
        ClusterPki ca = ClusterPki.create("ServiceImagesIT CA");
        Path tls = Files.createTempDirectory("pacer-images-tls");
        TLS_DIRS.add(tls);
        String discovery = start("discovery", discoveryPort, discoveryProbes, redis, eureka, material(ca, tls, "discovery"));
        String scheduler = start("scheduler", schedulerPort, schedulerProbes, redis, eureka, material(ca, tls, "scheduler"));

        for (String[] started : new String[][] {{discovery, "discovery"}, {scheduler, "scheduler"}}) {
            String id = started[0];
            await().atMost(START).pollInterval(Duration.ofSeconds(2))
                    .untilAsserted(() -> assertThat(inspect(id, "{{.State.Health.Status}}"))
                            .as("%s health; its log:%n%s", started[1], tail(id)).isEqualTo("healthy"));
            assertThat(DockerEngine.docker("exec", id, "id", "-u").output().strip()).as(started[1]).isEqualTo("10001");
        }
        assertThat(Http.get("http://127.0.0.1:" + discoveryProbes + "/readyz").status()).isEqualTo(200);
        assertThat(Http.get("http://127.0.0.1:" + schedulerProbes + "/readyz").status()).isEqualTo(200);

        Http.Client operator = Http.client(ca.issue("operator", Duration.ofHours(1)).sslContext());
        Http.Response answer = operator.get("https://localhost:" + schedulerPort + "/v2/info");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode info = json.readTree(answer.body());
        assertThat(info.path("buildref").asString()).isEqualTo(label(image("scheduler"), "org.opencontainers.image.revision"));
        assertThat(info.path("version").asString()).isEqualTo(VERSION);
        // the scheduler reached discovery over mutual TLS: Eureka lists it
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                operator.get("https://localhost:" + discoveryPort + "/eureka/apps/SCHEDULER-SERVICE", "application/json").body())
                .contains("\"status\":\"UP\""));
    }

    /**
     * Starts SERVICE's image on PORT (mutual TLS with the material in TLS, on loopback) and its probe port PROBES,
     * host networking, lean JVM flags.
     */
    private static String start(String service, int port, int probes, String redis, String eureka, Path tls) {
        return run("-v", tls + ":/etc/pacer/tls:ro", "-e", "PACER_TLS_CA=/etc/pacer/tls/" + ClusterPki.CA_CERT,
                "-e", "PACER_TLS_CERTIFICATE=/etc/pacer/tls/" + ClusterPki.CERT,
                "-e", "PACER_TLS_PRIVATE_KEY=/etc/pacer/tls/" + ClusterPki.KEY,
                "-e", "PORT=" + port, "-e", "PACER_PROBES_PORT=" + probes, "-e", "REDIS_URL=" + redis,
                "-e", "EUREKA_URL=" + eureka, "-e", "JAVA_OPTS=" + LEAN_JVM, image(service),
                "--eureka.instance.hostname=localhost", "--server.address=127.0.0.1");
    }

    /**
     * IDENTITY's certificate, key and the CA in DIR/IDENTITY, readable by the container's user (uid 10001, not the
     * test's): a throw-away key of a test CA, in a directory of its own.
     */
    private static Path material(ClusterPki ca, Path dir, String identity) throws Exception {
        Path own = ca.issue(identity, Duration.ofHours(1)).write(Files.createDirectories(dir.resolve(identity)));
        for (Path path : List.of(dir, own)) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(own.resolve(ClusterPki.KEY), PosixFilePermissions.fromString("rw-r--r--"));
        return own;
    }

    private static String run(String... args) {
        List<String> command = new ArrayList<>(List.of("run", "-d", "--network", "host", "--label", LABEL));
        command.addAll(List.of(args));
        DockerEngine.Result run = DockerEngine.docker(Duration.ofSeconds(60), command.toArray(String[]::new));
        assertThat(run.exit()).as("docker run: %s", run.output()).isZero();
        return run.output().strip();
    }

    private static String image(String service) {
        return "pacer/" + service + ":" + VERSION;
    }

    private static String label(String image, String name) {
        return inspect(image, "{{index .Config.Labels \"" + name + "\"}}");
    }

    private static String inspect(String object, String format) {
        DockerEngine.Result result = DockerEngine.docker("inspect", "-f", format, object);
        assertThat(result.exit()).as("docker inspect %s: %s", object, result.output()).isZero();
        return result.output().strip();
    }

    private static String tail(String id) {
        return DockerEngine.docker("logs", "--tail", "20", id).output();
    }
}
