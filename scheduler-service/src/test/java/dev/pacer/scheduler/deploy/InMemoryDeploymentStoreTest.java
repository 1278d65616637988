package dev.pacer.scheduler.deploy;

class InMemoryDeploymentStoreTest extends DeploymentStoreContract {

    @Override
    DeploymentStore newStore() {
        return new InMemoryDeploymentStore();
    }
}
