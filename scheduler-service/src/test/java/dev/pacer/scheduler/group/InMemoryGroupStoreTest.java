package dev.pacer.scheduler.group;

class InMemoryGroupStoreTest extends GroupStoreContract {

    @Override
    GroupStore newStore(int maxVersions) {
        return new InMemoryGroupStore(maxVersions);
    }
}
