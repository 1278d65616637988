package dev.pacer.scheduler.app.ports;

class InMemoryServicePortPoolTest extends ServicePortPoolContract {

    @Override
    ServicePortPool newPool() {
        return new InMemoryServicePortPool();
    }
}
