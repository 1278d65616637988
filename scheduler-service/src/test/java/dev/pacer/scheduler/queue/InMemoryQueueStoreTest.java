package dev.pacer.scheduler.queue;

class InMemoryQueueStoreTest extends QueueStoreContract {

    @Override
    QueueStore newStore() {
        return new InMemoryQueueStore();
    }
}
