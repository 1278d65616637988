package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.TaskState;
import org.junit.jupiter.api.Test;

class EndingTest {

    @Test
    void exitZero_finishes_andAnyOtherCode_fails() {
        assertThat(Ending.of(false, 0, false)).isEqualTo(new Ending(TaskState.TASK_FINISHED, 0, "exited with code 0"));
        assertThat(Ending.of(false, 3, false)).isEqualTo(new Ending(TaskState.TASK_FAILED, 3, "exited with code 3"));
    }

    @Test
    void aKillTheSchedulerAskedFor_endsKilled_whateverTheCode() {
        assertThat(Ending.of(true, 143, false).state()).isEqualTo(TaskState.TASK_KILLED);
        assertThat(Ending.of(true, 0, true).message()).isEqualTo("killed on request");
    }

    @Test
    void whileTheAgentWasDown_theMessageSaysSo() {
        assertThat(Ending.of(false, 7, true).message()).isEqualTo("exited with code 7 while the agent was down");
        assertThat(Ending.of(false, null, true))
                .isEqualTo(new Ending(TaskState.TASK_FAILED, null, "exited while the agent was down, exit code unknown"));
    }

    @Test
    void wellKnownCodes_getAHint() {
        assertThat(Ending.of(false, 127, false).message()).isEqualTo("exited with code 127 (command not found)");
        assertThat(Ending.of(false, 137, false).message()).isEqualTo("exited with code 137 (signal 9)");
    }
}
