package dev.pacer.scheduler.queue;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;

/** The {@link BackoffStoreContract} on a real Redis. */
class RedisBackoffStoreIT extends BackoffStoreContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    BackoffStore newStore() {
        templates.flushPacerKeys();
        return new RedisBackoffStore(templates.template());
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
