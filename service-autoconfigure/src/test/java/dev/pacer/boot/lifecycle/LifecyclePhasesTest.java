package dev.pacer.boot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

class LifecyclePhasesTest {

    /** Where Spring Boot starts the web server (its start-stop lifecycle, below the graceful shutdown's phase). */
    private static final int WEB_SERVER = WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 1024;

    @Test
    void phases_startInTheDocumentedOrder() {
        assertThat(List.of(LifecyclePhases.PROBES, LifecyclePhases.TASK_REGISTRAR, LifecyclePhases.TASK_RECOVERY,
                LifecyclePhases.MEMBERSHIP, LifecyclePhases.SHARD_LEASES, LifecyclePhases.SHARDED_WORK,
                SmartLifecycle.DEFAULT_PHASE)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void taskRecovery_isBeforeTheWebServer_andMembershipLeavesBeforeTheGracefulShutdown() {
        assertThat(WEB_SERVER).isEqualTo(SmartLifecycle.DEFAULT_PHASE - 2048);
        assertThat(LifecyclePhases.TASK_RECOVERY).isLessThan(WEB_SERVER);
        assertThat(LifecyclePhases.MEMBERSHIP).isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
    }
}
