package dev.pacer.boot.health;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs one probe of a check. {@code done} is called once, within the check's timeout (a prober that does
 * not answer in time is counted as a timeout by the engine, and its late answer dropped).
 */
public interface Prober<T extends ScheduledCheck> {

    void probe(T check, Consumer<ProbeOutcome> done);

    /** Where probes are started: event loops for non-blocking probers, a thread pool for blocking ones. */
    default Executor dispatcher() {
        return Runnable::run;
    }
}
