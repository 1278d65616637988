package dev.pacer.scheduler.queue;

class InMemoryBackoffStoreTest extends BackoffStoreContract {

    @Override
    BackoffStore newStore() {
        return new InMemoryBackoffStore();
    }
}
