package dev.pacer.boot.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Probes on the caller's thread. Answers what the test set with {@link #answer}, or — after {@link #hang} —
 * keeps the callback for the test to answer later ({@link #answerOldest}) or never.
 */
final class FakeProber implements Prober<TestCheck> {

    private volatile ProbeOutcome answer;
    private final List<TestCheck> probed = new ArrayList<>();
    private final List<Map.Entry<String, Consumer<ProbeOutcome>>> waiting = new ArrayList<>();

    void answer(ProbeOutcome outcome) {
        this.answer = outcome;
    }

    void hang() {
        this.answer = null;
    }

    synchronized int probes() {
        return probed.size();
    }

    synchronized List<TestCheck> probed() {
        return List.copyOf(probed);
    }

    /** Answers the oldest probe of that task still waiting. */
    void answerOldest(String taskId, ProbeOutcome outcome) {
        Consumer<ProbeOutcome> done;
        synchronized (this) {
            Map.Entry<String, Consumer<ProbeOutcome>> oldest = waiting.stream().filter(e -> e.getKey().equals(taskId))
                    .findFirst().orElseThrow(() -> new AssertionError("no probe of " + taskId + " waits"));
            waiting.remove(oldest);
            done = oldest.getValue();
        }
        done.accept(outcome);
    }

    @Override
    public void probe(TestCheck check, Consumer<ProbeOutcome> done) {
        ProbeOutcome now = answer;
        synchronized (this) {
            probed.add(check);
            if (now == null) {
                waiting.add(Map.entry(check.taskId(), done));
                return;
            }
        }
        done.accept(now);
    }
}
