package dev.pacer.scheduler.health;

import dev.pacer.contract.health.CheckerStats;
import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;

class InMemoryTaskHealthStoreTest extends TaskHealthStoreContract {

    private final InMemoryTaskHealthStore memory = new InMemoryTaskHealthStore();

    @Override
    TaskHealthStore newStore() {
        return memory;
    }

    @Override
    void write(AppId app, HealthResult result) {
        memory.write(app, result);
    }

    @Override
    void writeCheckerStats(String instance, CheckerStats stats) {
        memory.writeCheckerStats(instance, stats);
    }
}
