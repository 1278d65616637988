package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.LaunchRequest;
import dev.pacer.contract.task.TaskState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class CheckpointStoreTest {

    @TempDir
    Path workDir;

    @Test
    void savedCheckpoint_readsBackEqual_andAReSaveReplacesIt() {
        CheckpointStore checkpoints = new CheckpointStore(workDir, JsonMapper.builder().build());
        TaskCheckpoint running = checkpoint("t1", TaskState.TASK_RUNNING, 4242L);

        checkpoints.save(checkpoint("t1", TaskState.TASK_STAGING, null));
        checkpoints.save(running);

        assertThat(checkpoints.loadAll()).containsExactly(running);
        assertThat(workDir.resolve("tasks/t1.json")).exists();
    }

    @Test
    void unreadableCheckpoints_areSkipped_andLeftOverTemporaryFilesRemoved() throws IOException {
        CheckpointStore checkpoints = new CheckpointStore(workDir, JsonMapper.builder().build());
        checkpoints.save(checkpoint("good", TaskState.TASK_RUNNING, 1L));
        Files.writeString(workDir.resolve("tasks/broken.json"), "{\"request\":");
        Files.writeString(workDir.resolve("tasks/half123.tmp"), "{");

        List<TaskCheckpoint> loaded = checkpoints.loadAll();

        assertThat(loaded).extracting(c -> c.request().taskId()).containsExactly("good");
        assertThat(workDir.resolve("tasks/half123.tmp")).doesNotExist();
    }

    @Test
    void deletedCheckpoint_isGone_andAMissingDirectoryHoldsNone() {
        CheckpointStore checkpoints = new CheckpointStore(workDir, JsonMapper.builder().build());
        assertThat(checkpoints.loadAll()).isEmpty();
        checkpoints.save(checkpoint("t1", TaskState.TASK_FINISHED, 7L));

        checkpoints.delete("t1");

        assertThat(checkpoints.loadAll()).isEmpty();
    }

    private static TaskCheckpoint checkpoint(String taskId, TaskState state, Long pid) {
        LaunchRequest request = new LaunchRequest(taskId, "/app", "v1", null, List.of("/bin/true"), Map.of("K", "V"),
                Map.of("l", "v"), List.of(31000), null, 0.1, 32, 0, 2);
        Instant at = Instant.parse("2024-05-01T10:00:00.123456789Z");
        return new TaskCheckpoint(request, state, pid, pid == null ? null : at, at, pid == null ? null : at, null, null, "m");
    }
}
