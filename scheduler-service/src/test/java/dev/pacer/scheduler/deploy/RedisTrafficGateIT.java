package dev.pacer.scheduler.deploy;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;

/** The {@link TrafficGateContract} on a real Redis. */
class RedisTrafficGateIT extends TrafficGateContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    TrafficGate newGate() {
        templates.flushPacerKeys();
        return new RedisTrafficGate(templates.template());
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
