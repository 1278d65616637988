package dev.pacer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What other tests rely on in {@code pacer/test-http} (containers/build-images.sh), checked on the real engine. */
@RequiresDocker(images = TestImagesIT.IMAGE)
class TestImagesIT {

    static final String IMAGE = "pacer/test-http:latest";
    private static final String LABEL = "pacer.test=TestImagesIT";

    @AfterEach
    void removeContainers() {
        String ids = DockerEngine.docker("ps", "-aq", "--filter", "label=" + LABEL).output().strip();
        if (!ids.isEmpty()) {
            DockerEngine.docker(concat(new String[] {"rm", "-f"}, ids.split("\\s+")));
        }
    }

    @Test
    void serve_answersRootAndHealth_onPort0_withTheTaskIdentity() {
        int port = FreePorts.next();
        run("--network", "host", "-e", "PORT0=" + port, "-e", "MESOS_TASK_ID=images.t-1",
                "-e", "MARATHON_APP_ID=/images/web", IMAGE);
        String base = "http://127.0.0.1:" + port;

        await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                .untilAsserted(() -> assertThat(Http.get(base + "/health").status()).isEqualTo(200));
        assertThat(Http.get(base + "/").body())
                .contains("\"taskId\": \"images.t-1\"", "\"appId\": \"/images/web\"", "\"port\": " + port);

        assertThat(Http.get(base + "/health/fail").status()).isEqualTo(200);
        assertThat(Http.get(base + "/health").status()).isEqualTo(503);
        assertThat(Http.get(base + "/health/ok").status()).isEqualTo(200);
        assertThat(Http.get(base + "/health").status()).isEqualTo(200);
    }

    @Test
    void hog_isKilledByTheKernel_atTheContainersMemoryLimit() {
        String id = run("--memory", "64m", "--memory-swap", "64m", IMAGE, "pacer-test-http", "hog", "256");

        DockerEngine.Result exit = DockerEngine.docker(Duration.ofSeconds(60), "wait", id);
        assertThat(exit.output().strip()).isEqualTo("137");
        assertThat(DockerEngine.docker("inspect", "-f", "{{.State.OOMKilled}}", id).output().strip()).isEqualTo("true");
    }

    @Test
    void forkbomb_stopsAtThePidsLimit() {
        String id = run("--pids-limit", "40", IMAGE, "pacer-test-http", "forkbomb", "1000");

        Pattern forked = Pattern.compile("forked (\\d+) stopped-by (\\w+)");
        Matcher report = await().atMost(Duration.ofSeconds(30))
                .until(() -> forked.matcher(DockerEngine.docker("logs", id).output()), Matcher::find);
        assertThat(report.group(2)).isEqualTo("LIMIT");
        assertThat(Integer.parseInt(report.group(1))).isBetween(1, 39);
    }

    private static String run(String... args) {
        DockerEngine.Result run = DockerEngine.docker(concat(new String[] {"run", "-d", "--label", LABEL}, args));
        assertThat(run.exit()).as("docker run: %s", run.output()).isZero();
        return run.output().strip();
    }

    private static String[] concat(String[] first, String[] second) {
        String[] all = new String[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }
}
