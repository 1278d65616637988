package dev.pacer.scheduler.definition.ports;


class InMemoryServicePortPoolTest extends ServicePortPoolContract {

    @Override
    ServicePortPool newPool() {
        return new InMemoryServicePortPool();
    }
}
