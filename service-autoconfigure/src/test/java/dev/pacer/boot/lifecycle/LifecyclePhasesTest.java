package dev.pacer.boot.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

class LifecyclePhasesTest {

    @Test
    void phases_startInTheDocumentedOrder() {
        assertThat(List.of(LifecyclePhases.PROBES, LifecyclePhases.TASK_REGISTRAR, LifecyclePhases.TASK_RECOVERY,
                LifecyclePhases.MEMBERSHIP, LifecyclePhases.SHARD_LEASES, LifecyclePhases.SHARDED_WORK,
                SmartLifecycle.DEFAULT_PHASE)).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theWebServer_startsAfterTaskRecovery_andBeforeMembership() {
        int webServer = SmartLifecycle.DEFAULT_PHASE - 2048;
        assertThat(LifecyclePhases.TASK_RECOVERY).isLessThan(webServer);
        assertThat(LifecyclePhases.MEMBERSHIP).isGreaterThan(webServer);
    }
}
