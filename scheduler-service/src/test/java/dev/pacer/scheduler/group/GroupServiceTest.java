package dev.pacer.scheduler.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.support.AppScenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link GroupService} on in-memory stores: a group change is one deployment of every app it touches, in
 * dependency order, with a snapshot to roll back to. No Spring, no Redis; {@code GroupsApiIT} runs the
 * same story over HTTP on Redis with a fake agent.
 */
class GroupServiceTest {

    /** A shop: web depends on db; api/svc is a nested group. */
    private static final String SHOP = """
            {"apps":[{"id":"db","cmd":"db","instances":1},
                     {"id":"web","cmd":"web","instances":2,"dependencies":["/shop/db"]}],
             "groups":[{"id":"api","apps":[{"id":"svc","cmd":"svc","instances":1}]}]}
            """;

    private final AppScenario scenario = new AppScenario();

    @Test
    void aDryRun_answersTheStepsInDependencyOrder_andChangesNothing() {
        scenario.when().groupDryRun("/shop", SHOP)
                .then().accepted()
                .plannedSteps(List.of("/shop/api/svc", "/shop/db"), List.of("/shop/web"))
                .nothingChanged()
                .groupExists("/shop", false);
    }

    @Test
    void aGroupIsOneDeployment_inDependencyOrder_aLaterStepsAppIsNotCurrentUntilItsStepStarts() {
        scenario.when().groupPut("/shop", SHOP)
                .then().accepted()
                .deployedInSteps(List.of("StartApplication /shop/api/svc", "StartApplication /shop/db"),
                        List.of("StartApplication /shop/web"))
                .app("/shop/db").hasInstances(1).and()
                .noApp("/shop/web")
                .groupExists("/shop", true)
                .groupExists("/shop/api", true)
                .groupVersions("/shop", 1)
                .announced("group_change_success");
        assertThat(scenario.scheduler.appStore.versions(AppId.parse("/shop/web"))).as("stored for its step").hasSize(1);
    }

    @Test
    void scaleBy_scalesEveryAppBelowTheGroup_roundingUp() {
        scenario.given().group("/shop", SHOP)
                .when().groupPut("/shop", "{\"scaleBy\":1.5}")
                .then().accepted()
                .app("/shop/db").hasInstances(2).and()
                .app("/shop/api/svc").hasInstances(2).and()
                .deployedInSteps(List.of("ScaleApplication /shop/api/svc", "ScaleApplication /shop/db"),
                        List.of("ScaleApplication /shop/web"));
    }

    @Test
    void aNegativeScaleBy_is422() {
        scenario.given().group("/shop", SHOP)
                .when().groupPut("/shop", "{\"scaleBy\":-1}")
                .then().refused(422, "/scaleBy")
                .nothingChanged();
    }

    @Test
    void aRollback_takesEveryAppBackToItsVersionInTheSnapshot() {
        scenario.given().group("/shop", SHOP).group("/shop", "{\"scaleBy\":2}");

        scenario.when().groupRolledBack("/shop", 1)
                .then().accepted()
                .app("/shop/db").hasInstances(1).hasVersions(3).and()
                .app("/shop/api/svc").hasInstances(1).and()
                .groupVersions("/shop", 3);
    }

    @Test
    void anAppLeftOutOfTheGroup_isStopped_butNestedGroupsNotGivenAreKept() {
        scenario.given().group("/shop", SHOP)
                .when().groupPut("/shop", "{\"apps\":[{\"id\":\"db\",\"cmd\":\"db\",\"instances\":1}]}")
                .then().accepted()
                .noApp("/shop/web")
                .app("/shop/api/svc").hasInstances(1).and()
                .app("/shop/db").hasInstances(1).and()
                .deploymentIncludes("StopApplication /shop/web");
    }

    @Test
    void aNestedGroupLeftOut_isRemovedWithItsApps_whenGroupsAreGiven() {
        scenario.given().group("/shop", SHOP)
                .when().groupPut("/shop", "{\"groups\":[]}")
                .then().accepted()
                .noApp("/shop/api/svc")
                .groupExists("/shop/api", false)
                .app("/shop/db").hasInstances(1);
    }

    @Test
    void delete_stopsEveryAppBelow_andForgetsItsGroups() {
        scenario.given().group("/shop", SHOP)
                .when().groupDeleted("/shop")
                .then().accepted()
                .noApp("/shop/db").noApp("/shop/web").noApp("/shop/api/svc")
                .groupExists("/shop", false)
                .groupExists("/shop/api", false)
                .announced("group_change_success");
    }

    @Test
    void cyclicDependencies_are422_andChangeNothing() {
        scenario.when().groupPut("/cyc", """
                        {"apps":[{"id":"a","cmd":"a","dependencies":["/cyc/b"]},{"id":"b","cmd":"b","dependencies":["/cyc/a"]}]}""")
                .then().refused(422, "Dependency graph has cyclic dependencies.")
                .nothingChanged()
                .groupExists("/cyc", false);
    }

    @Test
    void anAppThatIsNotAChild_is422WithAHint() {
        scenario.when().groupPut("/g1", "{\"apps\":[{\"id\":\"/elsewhere/x\",\"cmd\":\"x\"}]}")
                .then().refused(422, "/apps(0)/id")
                .refused(422, "is not child of /g1. Hint: use relative paths.")
                .nothingChanged();
    }

    @Test
    void anInvalidAppInAGroup_is422AtItsPath_andNothingOfTheGroupIsStored() {
        scenario.when().groupPut("/g2", "{\"apps\":[{\"id\":\"ok\",\"cmd\":\"x\"},{\"id\":\"x\",\"cmd\":\"x\",\"instances\":-1}]}")
                .then().refused(422, "/apps(1)/instances")
                .nothingChanged()
                .groupExists("/g2", false);
    }

    @Test
    void creatingAGroupTwice_is409() {
        scenario.when().groupCreated("{\"id\":\"made\"}")
                .then().accepted()
                .groupExists("/made", true)
                .when().groupCreated("{\"id\":\"made\"}")
                .then().refused(409, "Group /made is already created. Use PUT to change this group.");
    }

    @Test
    void aGroupChangeTouchingALockedApp_is409_andChangesNothing() {
        scenario.given().group("/shop", SHOP).aDeploymentInProgressOn("/shop/db")
                .when().groupPut("/shop", "{\"scaleBy\":2}")
                .then().refused(409, "App is locked by one or more deployments.")
                .nothingChanged();
    }

    @Test
    void explicitDependencies_ofNestedGroups_areKept_andOrderTheSteps() {
        scenario.when().groupPut("/site", """
                        {"groups":[{"id":"front","dependencies":["/site/back"],"apps":[{"id":"ui","cmd":"ui"}]},
                                   {"id":"back","apps":[{"id":"api","cmd":"api"}]}]}""")
                .then().accepted()
                .deployedInSteps(List.of("StartApplication /site/back/api"), List.of("StartApplication /site/front/ui"));
        assertThat(scenario.scheduler.groupStore.explicit(AppId.parse("/site/front")))
                .containsEntry(AppId.parse("/site/front"), List.of("/site/back"));
    }
}
