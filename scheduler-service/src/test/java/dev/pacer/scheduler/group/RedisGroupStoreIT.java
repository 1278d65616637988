package dev.pacer.scheduler.group;

import dev.pacer.scheduler.support.RedisTestTemplates;
import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.json.JsonMapper;

/** The {@link GroupStoreContract} on a real Redis. */
class RedisGroupStoreIT extends GroupStoreContract {

    private final RedisTestTemplates templates = new RedisTestTemplates();

    @Override
    GroupStore newStore(int maxVersions) {
        templates.flushPacerKeys();
        return new RedisGroupStore(templates.template(), JsonMapper.builder().build(), maxVersions);
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }
}
