package dev.pacer.scheduler.app.store;

class InMemoryAppStoreTest extends AppStoreContract {

    @Override
    AppStore newStore(int maxVersions) {
        return new InMemoryAppStore(maxVersions);
    }
}
