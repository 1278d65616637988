package dev.pacer.scheduler.deploy;

class InMemoryTrafficGateTest extends TrafficGateContract {

    @Override
    TrafficGate newGate() {
        return new InMemoryTrafficGate();
    }
}
