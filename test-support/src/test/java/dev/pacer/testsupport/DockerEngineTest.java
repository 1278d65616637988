package dev.pacer.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DockerEngineTest {

    @Test
    void aProblem_skipsOnADeveloperMachine_withTheReason() {
        assertThatThrownBy(() -> DockerEngine.require(Optional.of("no Docker engine answers"), false))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("skipped: no Docker engine answers");
    }

    @Test
    void aProblem_failsInCi_withTheReason() {
        assertThatThrownBy(() -> DockerEngine.require(Optional.of("image pacer/redis:7 is not on this engine"), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("PACER_CI=1 forbids skipping it: image pacer/redis:7 is not on this engine");
    }

    @Test
    void noProblem_letsTheTestRun_inCiAndOutside() {
        DockerEngine.require(Optional.empty(), true);
        DockerEngine.require(Optional.empty(), false);
    }

    @Test
    void theAnnotation_disablesWithTheReason_orFailsInCi() {
        assertThat(DockerEngine.Gate.evaluate("SomeIT", Optional.of("no Docker engine answers"), false))
                .satisfies(r -> assertThat(r.isDisabled()).isTrue())
                .satisfies(r -> assertThat(r.getReason()).hasValue("Docker test skipped: no Docker engine answers"));
        assertThatThrownBy(() -> DockerEngine.Gate.evaluate("SomeIT", Optional.of("no Docker engine answers"), true))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("SomeIT: Docker test cannot run");
        assertThat(DockerEngine.Gate.evaluate("SomeIT", Optional.empty(), true).isDisabled()).isFalse();
    }

    @Test
    void ciIsOnlyOneOrTrue() {
        assertThat(DockerEngine.isCi("1")).isTrue();
        assertThat(DockerEngine.isCi("true")).isTrue();
        assertThat(DockerEngine.isCi("0")).isFalse();
        assertThat(DockerEngine.isCi("")).isFalse();
        assertThat(DockerEngine.isCi(null)).isFalse();
    }

    @Test
    void aMissingImage_namesTheScriptThatBuildsIt() {
        assertThat(DockerEngine.buildHint("pacer/redis:7")).isEqualTo("containers/build-images.sh --only redis");
        assertThat(DockerEngine.buildHint("pacer/test-http")).isEqualTo("containers/build-images.sh --only test-http");
    }

    @Test
    void anImageThatNoEngineHas_isNeverReportedPresent() {
        // skipped or failed, never passed: whether or not an engine runs here
        assertThatThrownBy(() -> DockerEngine.requireImage("pacer/no-such-image:never"))
                .satisfiesAnyOf(
                        e -> assertThat(e).isInstanceOf(TestAbortedException.class),
                        e -> assertThat(e).isInstanceOf(AssertionFailedError.class));
    }
}
