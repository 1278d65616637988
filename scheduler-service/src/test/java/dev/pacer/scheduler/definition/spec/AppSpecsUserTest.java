package dev.pacer.scheduler.definition.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.scheduler.definition.AppDefinitions;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Marathon's {@code user} reaches the agent (which runs the tasks as that user when it is root). */
class AppSpecsUserTest {

    private static final AppDefinitions DEFS = new AppDefinitions();

    @Test
    void theAppsUser_isWhatItsTasksAreLaunchedAs_andNoUserIsNull() {
        assertThat(AppSpecs.from(app("{\"id\":\"/u/web\",\"cmd\":\"x\",\"user\":\"alice\"}")).user()).isEqualTo("alice");
        assertThat(AppSpecs.from(app("{\"id\":\"/u/web\",\"cmd\":\"x\"}")).user()).isNull();
    }

    private static AppDefinition app(String json) {
        Timestamp version = Timestamp.of(Instant.parse("2026-01-01T00:00:00Z"));
        return DEFS.readNew(DEFS.json().parse(json)).toBuilder().version(version)
                .versionInfo(new VersionInfo(version, version)).build();
    }
}
