package dev.pacer.scheduler.task.store;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.health.InMemoryTaskHealthStore;
import java.util.List;
import java.util.Map;

class InMemoryTaskStoreTest extends TaskStoreContract {

    private final InMemoryTaskHealthStore health = new InMemoryTaskHealthStore();

    @Override
    TaskStore newStore() {
        return new InMemoryTaskStore(health);
    }

    @Override
    void writeHealth(AppId app, HealthResult result) {
        health.write(app, result);
    }

    @Override
    Map<String, List<HealthResult>> health(AppId app) {
        return health.ofApp(app);
    }
}
