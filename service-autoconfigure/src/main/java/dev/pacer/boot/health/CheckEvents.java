package dev.pacer.boot.health;

import dev.pacer.contract.health.HealthTransition;
import java.time.Duration;

/** What the engine tells its service's metrics; every method does nothing unless overridden. */
public interface CheckEvents {

    /** Why a turn of a check counted nothing. */
    enum NotRun {
        /** The check's previous probe was still running (or waiting for a slot). */
        OVERRUN,
        /** No slot free and the pending queue full: the checker is saturated. */
        QUEUE_FULL,
        /** The prober threw instead of answering. */
        ERROR
    }

    CheckEvents NONE = new CheckEvents() {
    };

    /** A probe answered (or timed out) after {@code took}. */
    default void probed(String protocol, ProbeOutcome.Result result, Duration took) {
    }

    default void notRun(String protocol, NotRun reason) {
    }

    /** A transition was handed to the sink. */
    default void transitioned(HealthTransition transition) {
    }
}
