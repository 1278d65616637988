package dev.pacer.scheduler.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.queue.Backoff;
import dev.pacer.scheduler.support.AppScenario;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@link AppService} on in-memory stores: what each app call stores, deploys, refuses and wakes up.
 * No Spring, no Redis; {@code AppsApiIT} and {@code DeploymentsApiIT} run the same calls over HTTP on Redis.
 */
class AppServiceTest {

    private final AppScenario scenario = new AppScenario();

    @Test
    void create_storesTheAppWithMarathonsDefaults_startsItsDeployment_andWakesItsReconciler() {
        scenario.when().created("{\"id\":\"/shop/web\",\"cmd\":\"sleep 100\",\"instances\":4}")
                .then().accepted()
                .app("/shop/web").hasInstances(4).hasVersions(1).hasServicePortsInRange(1).lastChangeWasConfigChange(true)
                .satisfies(app -> assertThat(app.cpus()).isEqualTo(1.0)).and()
                .deployed("StartApplication /shop/web")
                .locked("/shop/web")
                .hinted("/shop/web");
    }

    @Test
    void create_ofAnExistingId_is409_andChangesNothing() {
        scenario.given().app("/shop/web", 4)
                .when().created("{\"id\":\"/shop/web\",\"cmd\":\"other\"}")
                .then().refused(409, "An app with id [/shop/web] already exists.")
                .nothingChanged()
                .hinted();
    }

    @Test
    void anInvalidApp_is422ListingEveryFailingPath_andChangesNothing() {
        scenario.when().created("{\"id\":\"/shop/web\",\"cmd\":\"x\",\"instances\":-1,\"mem\":-5}")
                .then().refused(422, "/instances")
                .refused(422, "/mem")
                .nothingChanged()
                .noApp("/shop/web");
    }

    @Test
    void scaling_isAScaleOnlyChange_keepsTheConfigVersion_andTheLaunchBackoff() {
        scenario.given().app("/a", 4);
        scenario.scheduler.backoffs.put(AppId.parse("/a"), new Backoff(3, Instant.parse("2026-01-01T01:00:00Z")));

        scenario.when().scaled("/a", 6)
                .then().accepted()
                .app("/a").hasInstances(6).hasVersions(2).lastChangeWasConfigChange(false).and()
                .deployed("ScaleApplication /a")
                .hinted("/a");
        assertThat(scenario.scheduler.backoffs.get(AppId.parse("/a")).failures()).isEqualTo(3);
    }

    @Test
    void aPartialUpdate_keepsWhatItLeavesOut_isARestart_andResetsTheBackoff() {
        scenario.given().app("/a", 4);
        scenario.scheduler.backoffs.put(AppId.parse("/a"), new Backoff(3, Instant.parse("2026-01-01T01:00:00Z")));

        scenario.when().updated("/a", "{\"cmd\":\"sleep 2000\"}")
                .then().accepted()
                .app("/a").hasCmd("sleep 2000").hasInstances(4).hasVersions(2).lastChangeWasConfigChange(true).and()
                .deployed("RestartApplication /a");
        assertThat(scenario.scheduler.backoffs.get(AppId.parse("/a"))).isEqualTo(Backoff.NONE);
    }

    @Test
    void aFullUpdate_resetsWhatItLeavesOut_toMarathonsDefaults() {
        scenario.given().app("/a", 4)
                .when().replaced("/a", "{\"cmd\":\"sleep 2000\"}")
                .then().accepted()
                .app("/a").hasCmd("sleep 2000").hasInstances(1);
    }

    @Test
    void anUpdateThatChangesNothing_deploysNothing_andStoresNoVersion() {
        scenario.given().app("/a", 4)
                .when().updated("/a", "{\"cmd\":\"sleep 1000\",\"instances\":4}")
                .then().accepted()
                .deployedNothing()
                .nothingChanged()
                .app("/a").hasVersions(1);
    }

    @Test
    void aChangeToALockedApp_is409NamingTheDeployment_changesNothing_andForceTakesOver() {
        scenario.given().app("/a", 4).aDeploymentInProgressOn("/a")
                .when().updated("/a", "{\"instances\":9}")
                .then().refused(409, "App is locked by one or more deployments.")
                .nothingChanged()
                .app("/a").hasInstances(5).and()
                .when().forcedUpdate("/a", "{\"instances\":9}")
                .then().accepted()
                .app("/a").hasInstances(9).and()
                .deployed("ScaleApplication /a")
                .locked("/a");
        assertThat(scenario.scheduler.deployments.list()).hasSize(1);
    }

    @Test
    void aRollback_storesTheOldDefinitionAsANewVersion() {
        scenario.given().app("/a", 4)
                .when().scaled("/a", 6).then().accepted();
        scenario.scheduler.deployments.list().forEach(d -> scenario.scheduler.deployments.end(d.plan(), "finished"));

        scenario.when().rolledBack("/a", 1)
                .then().accepted()
                .app("/a").hasInstances(4).hasVersions(3).and()
                .deployed("ScaleApplication /a");
    }

    @Test
    void aRollbackToAVersionNeverStored_is404_andChangesNothing() {
        scenario.given().app("/a", 4)
                .when().updated("/a", "{\"version\":\"2020-01-01T00:00:00.000Z\"}")
                .then().refused(404, "App '/a' does not exist in version 2020-01-01T00:00:00.000Z")
                .nothingChanged();
    }

    @Test
    void cancellingADeployment_takesItsAppsBackToTheirVersionsBefore() {
        scenario.given().app("/a", 4);
        String scale = scenario.when().scaled("/a", 6).then().accepted().deploymentId();

        scenario.when().deploymentCancelled(scale)
                .then().accepted()
                .app("/a").hasInstances(4).and()
                .deployed("ScaleApplication /a")
                .announced("deployment_failed");
        assertThat(scenario.scheduler.deployments.find(scale)).isEmpty();
    }

    @Test
    void restart_isANewVersionOfTheSameDefinition_thatReplacesEveryTask() {
        scenario.given().app("/a", 4)
                .when().restarted("/a")
                .then().accepted()
                .app("/a").hasInstances(4).hasVersions(2).lastChangeWasConfigChange(true).and()
                .deployed("RestartApplication /a");
    }

    @Test
    void delete_removesTheApp_givesBackItsServicePorts_andDeploysItsStop() {
        scenario.given().app("/a", 4)
                .when().deleted("/a")
                .then().accepted()
                .noApp("/a")
                .deployed("StopApplication /a")
                .hinted("/a");
        assertThat(scenario.scheduler.servicePorts.used()).isEmpty();
        assertThat(scenario.scheduler.appStore.inShard(scenario.scheduler.apps.shard(AppId.parse("/a"))))
                .as("the shard keeps the id until every task is stopped").contains("/a");
    }

    @Test
    void aDeletedApp_createdAgain_startsWithoutTheOldBackoff() {
        scenario.given().app("/a", 1);
        scenario.scheduler.backoffs.put(AppId.parse("/a"), new Backoff(5, Instant.parse("2026-01-01T01:00:00Z")));

        scenario.when().deleted("/a").then().accepted();
        scenario.scheduler.deployments.list().forEach(d -> scenario.scheduler.deployments.end(d.plan(), "finished"));
        scenario.when().created("{\"id\":\"/a\",\"cmd\":\"again\"}")
                .then().accepted()
                .app("/a").hasVersions(1);
        assertThat(scenario.scheduler.backoffs.get(AppId.parse("/a"))).isEqualTo(Backoff.NONE);
    }

    @Test
    void anUnknownApp_is404() {
        scenario.when().deleted("/nothing")
                .then().refused(404, "App '/nothing' does not exist")
                .nothingChanged()
                .when().scaled("/nothing", 3)
                .then().refused(404, "App '/nothing' does not exist");
    }

    @Test
    void aBulkUpdate_isOneDeployment_andOneInvalidApp_refusesThemAll() {
        scenario.given().app("/a", 1).app("/b", 1)
                .when().bulkUpdated("[{\"id\":\"/a\",\"instances\":2},{\"id\":\"/b\",\"instances\":-2}]")
                .then().refused(422, "/(1)/instances")
                .nothingChanged()
                .when().bulkUpdated("[{\"id\":\"/a\",\"instances\":2},{\"id\":\"/b\",\"instances\":3},{\"id\":\"/c\",\"cmd\":\"c\"}]")
                .then().accepted()
                .deployed("ScaleApplication /a", "ScaleApplication /b", "StartApplication /c")
                .app("/b").hasInstances(3);
    }

    @Test
    void servicePorts_areKeptAcrossUpdates_andUniqueAcrossApps() {
        scenario.given().app("/a", "{\"cmd\":\"a\",\"portDefinitions\":[{\"port\":0},{\"port\":0}]}")
                .app("/b", "{\"cmd\":\"b\",\"portDefinitions\":[{\"port\":0}]}");
        var before = scenario.scheduler.apps.require(AppId.parse("/a")).portDefinitions();

        scenario.when().updated("/a", "{\"cmd\":\"a2\"}")
                .then().accepted()
                .app("/a").hasServicePortsInRange(2)
                .satisfies(app -> assertThat(app.portDefinitions()).isEqualTo(before));
        assertThat(scenario.scheduler.servicePorts.used()).hasSize(3);
    }
}
