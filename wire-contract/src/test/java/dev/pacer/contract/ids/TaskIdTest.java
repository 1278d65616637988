package dev.pacer.contract.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TaskIdTest {

    @Test
    void newTask_roundTripsThroughItsString() {
        TaskId id = TaskId.newTask(AppId.parse("/group/app"));
        assertThat(id.toString()).matches("group_app\\.instance-[0-9a-f-]{36}\\._app\\.1");
        assertThat(TaskId.parse(id.toString())).isEqualTo(id);
    }

    @Test
    void next_keepsTheInstanceAndCountsTheIncarnation() {
        TaskId first = TaskId.parse("web.instance-564bd685-4c30-11e5-98c1-be5b2935a987._app.1");
        TaskId second = first.next();
        assertThat(second.instanceId()).isEqualTo(first.instanceId());
        assertThat(second).hasToString("web.instance-564bd685-4c30-11e5-98c1-be5b2935a987._app.2");
    }

    @Test
    void theAppId_isRecoveredFromTheTaskId() {
        assertThat(TaskId.newTask(AppId.parse("/my-group/web.v2")).appId()).hasToString("/my-group/web.v2");
    }

    @Test
    void garbage_isRejected() {
        assertThatThrownBy(() -> TaskId.parse("web.1234")).isInstanceOf(InvalidIdException.class)
                .hasMessageContaining("web.1234");
    }
}
