package dev.pacer.health.check;

import dev.pacer.health.target.CheckTarget;
import java.util.function.Consumer;

/** Runs one probe without blocking the caller; {@code done} is called exactly once, within the target's timeout. */
public interface Prober {

    void probe(CheckTarget target, Consumer<ProbeOutcome> done);

    /** Where probes are started (the caller's thread by default). */
    default java.util.concurrent.Executor dispatcher() {
        return Runnable::run;
    }
}
