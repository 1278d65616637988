package dev.pacer.boot.health;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;

/** Where the engine's counted results go (each service writes them into Redis its own way). */
public interface HealthResultSink {

    /** The check's new current result. */
    void result(String appId, HealthResult result);

    /** A transition to publish, after the result it describes. */
    void transition(HealthTransition transition);
}
