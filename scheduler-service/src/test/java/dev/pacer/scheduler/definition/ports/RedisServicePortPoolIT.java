package dev.pacer.scheduler.definition.ports;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;

/** The {@link ServicePortPoolContract} on a real Redis. */
class RedisServicePortPoolIT extends ServicePortPoolContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    ServicePortPool newPool() {
        templates.flushPacerKeys();
        return new RedisServicePortPool(templates.template(), RedisTestTemplates.script("service-port-allocate.lua"));
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
