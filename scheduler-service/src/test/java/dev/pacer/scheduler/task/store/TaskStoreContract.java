package dev.pacer.scheduler.task.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.TaskState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskStore} does; each implementation's test extends this with its own store and says
 * how a checker writes a health result (a task's delete deletes its results too).
 */
abstract class TaskStoreContract {

    static final AppId WEB = AppId.parse("/web");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    TaskStore store;

    /** An empty store. */
    abstract TaskStore newStore();

    /** Writes a health result of the task as its checker would. */
    abstract void writeHealth(AppId app, HealthResult result);

    /** The health results of the app's tasks, by task id, as the scheduler reads them. */
    abstract Map<String, List<HealthResult>> health(AppId app);

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void save_thenFind_andListByAppAndAgent() {
        TaskRecord one = staged(WEB, "a1");
        TaskRecord two = staged(WEB, "a2");
        TaskRecord other = staged(AppId.parse("/db"), "a1");
        store.save(one);
        store.save(two);
        store.save(other);

        assertThat(store.find(WEB, one.taskId())).contains(one);
        assertThat(store.ofApp(WEB)).containsExactlyInAnyOrder(one, two);
        assertThat(store.idsOnAgent("a1")).containsExactlyInAnyOrder(one.taskId(), other.taskId());
    }

    @Test
    void save_ofAnExistingTask_replacesItsRecord() {
        TaskRecord task = staged(WEB, "a1");
        store.save(task);
        TaskRecord running = task.withState(TaskState.TASK_RUNNING, T0.plusSeconds(1), "", null);
        store.save(running);
        assertThat(store.ofApp(WEB)).containsExactly(running);
    }

    @Test
    void ofApps_answersEveryAppAsked_inTheOrderAsked() {
        TaskRecord web = staged(WEB, "a1");
        store.save(web);
        AppId none = AppId.parse("/none");

        var all = store.ofApps(List.of(none, WEB));

        assertThat(all.keySet()).containsExactly(none, WEB);
        assertThat(all.get(none)).isEmpty();
        assertThat(all.get(WEB)).containsExactly(web);
        assertThat(store.ofApps(List.of())).isEmpty();
    }

    @Test
    void update_writesTheChange_andAnAbsentTaskIsEmpty() {
        TaskRecord task = staged(WEB, "a1");
        store.save(task);

        var updated = store.update(WEB, task.taskId(), t -> t.withState(TaskState.TASK_RUNNING, T0.plusSeconds(2), "up", null));

        assertThat(updated).hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TaskState.TASK_RUNNING));
        assertThat(store.find(WEB, task.taskId())).isEqualTo(updated);
        assertThat(store.update(WEB, "web.none", t -> t.withKillRequested())).isEmpty();
    }

    @Test
    void update_thatChangesNothing_answersTheStoredRecord() {
        TaskRecord task = staged(WEB, "a1");
        store.save(task);
        assertThat(store.update(WEB, task.taskId(), t -> t)).contains(task);
    }

    @Test
    void concurrentUpdates_loseNoChange() {
        TaskRecord task = staged(WEB, "a1");
        store.save(task);
        int writers = 2;
        int each = 10; // a writer loses at most 10 races in a row, fewer than the 20 attempts an update makes

        CompletableFuture<?>[] all = IntStream.range(0, writers).mapToObj(w -> CompletableFuture.runAsync(() -> {
            for (int i = 0; i < each; i++) {
                store.update(WEB, task.taskId(), t -> t.withState(t.state(), t.statusAt(), t.message() + "x", null));
            }
        })).toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(all).join();

        assertThat(store.find(WEB, task.taskId()).orElseThrow().message()).hasSize(writers * each);
    }

    @Test
    void update_givesUpWhenTheRecordChangesUnderItEveryTime() {
        TaskRecord task = staged(WEB, "a1");
        store.save(task);
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> store.update(WEB, task.taskId(), t -> {
            int n = calls.incrementAndGet();
            store.save(t.withState(t.state(), t.statusAt(), "meddled " + n, null));
            return t.withKillRequested();
        })).isInstanceOf(IllegalStateException.class);
        assertThat(calls.get()).isEqualTo(20);
    }

    @Test
    void delete_forgetsTheTask_itsIndexEntries_andItsHealthResults_only() {
        TaskRecord gone = staged(WEB, "a1");
        TaskRecord kept = staged(WEB, "a1");
        store.save(gone);
        store.save(kept);
        writeHealth(WEB, health(gone, 0));
        writeHealth(WEB, health(gone, 1));
        writeHealth(WEB, health(kept, 0));

        store.delete(gone);

        assertThat(store.find(WEB, gone.taskId())).isEmpty();
        assertThat(store.ofApp(WEB)).containsExactly(kept);
        assertThat(store.idsOnAgent("a1")).containsExactly(kept.taskId());
        assertThat(health(WEB)).containsOnlyKeys(kept.taskId());
    }

    @Test
    void absentTasks_readAsEmpty() {
        assertThat(store.find(WEB, "web.none")).isEmpty();
        assertThat(store.ofApp(WEB)).isEmpty();
        assertThat(store.idsOnAgent("a1")).isEmpty();
    }

    static TaskRecord staged(AppId app, String agent) {
        return TaskRecord.staged(TaskId.newTask(app), agent, agent + ".example", "v1", List.of(31000), T0);
    }

    static HealthResult health(TaskRecord task, int checkIndex) {
        return new HealthResult(task.taskId(), task.taskId(), checkIndex, "v1", true, 0, null, null, null, null);
    }
}
