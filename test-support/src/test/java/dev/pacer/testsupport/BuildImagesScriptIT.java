package dev.pacer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** containers/build-images.sh is idempotent: right after a run, the next one builds nothing. */
@RequiresDocker(images = "pacer/redis:7")
class BuildImagesScriptIT {

    private static final Path SCRIPT = Path.of("..", "containers", "build-images.sh");

    @Test
    void aSecondRun_findsEveryInputUnchanged_andBuildsNothing() {
        assertThat(script("--only", "redis").exit()).isZero();

        DockerEngine.Result again = script("--only", "redis");

        assertThat(again.exit()).isZero();
        assertThat(again.output())
                .contains("pacer/debian:bookworm cached", "pacer/redis:7 cached")
                .doesNotContain("building");
        assertThat(script("--list").output()).containsPattern("redis +pacer/redis:7 +current");
    }

    @Test
    void anUnknownImage_isRefusedWithTheKnownNames() {
        DockerEngine.Result unknown = script("--only", "no-such-image");

        assertThat(unknown.exit()).isNotZero();
        assertThat(unknown.output()).contains("no image named 'no-such-image'", "test-http", "redis");
    }

    private static DockerEngine.Result script(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        return DockerEngine.run(Duration.ofMinutes(10), command);
    }
}
