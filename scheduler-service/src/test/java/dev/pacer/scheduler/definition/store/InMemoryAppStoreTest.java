package dev.pacer.scheduler.definition.store;


class InMemoryAppStoreTest extends AppStoreContract {

    @Override
    AppStore newStore(int maxVersions) {
        return new InMemoryAppStore(maxVersions);
    }
}
