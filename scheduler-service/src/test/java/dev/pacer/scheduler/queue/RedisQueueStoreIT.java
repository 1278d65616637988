package dev.pacer.scheduler.queue;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;

/** The {@link QueueStoreContract} on a real Redis. */
class RedisQueueStoreIT extends QueueStoreContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    QueueStore newStore() {
        templates.flushPacerKeys();
        return new RedisQueueStore(templates.template(), JsonMapper.builder().build());
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
