package dev.pacer.agent.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Task checkpoints on local disk, one JSON file per task in {@code <work-dir>/tasks}. Each write goes
 * to a temporary file first and is moved into place atomically: a crash leaves the old or the new
 * checkpoint, never half of one.
 */
public final class CheckpointStore {

    private static final Logger log = LoggerFactory.getLogger(CheckpointStore.class);
    private static final String SUFFIX = ".json";

    private final Path dir;
    private final JsonMapper json;

    public CheckpointStore(Path workDir, JsonMapper json) {
        this.dir = workDir.resolve("tasks");
        this.json = json;
    }

    public void save(TaskCheckpoint checkpoint) {
        String taskId = checkpoint.request().taskId();
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, taskId, ".tmp");
            Files.write(temp, json.writeValueAsBytes(checkpoint));
            Files.move(temp, file(taskId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint of task " + taskId, e);
        }
    }

    /** Every readable checkpoint; unreadable files are logged and skipped, left-over temporary files removed. */
    public List<TaskCheckpoint> loadAll() {
        List<TaskCheckpoint> checkpoints = new ArrayList<>();
        if (Files.notExists(dir)) {
            return checkpoints;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(SUFFIX)) {
                    read(file, checkpoints);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the checkpoints in " + dir, e);
        }
        return checkpoints;
    }

    public void delete(String taskId) {
        try {
            Files.deleteIfExists(file(taskId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the checkpoint of task " + taskId, e);
        }
    }

    private void read(Path file, List<TaskCheckpoint> into) {
        try {
            into.add(json.readValue(file.toFile(), TaskCheckpoint.class));
        } catch (JacksonException e) {
            log.warn("Ignoring the unreadable task checkpoint {} ({})", file, e.getClass().getSimpleName());
        }
    }

    private Path file(String taskId) {
        return dir.resolve(taskId + SUFFIX);
    }
}
