package dev.pacer.scheduler.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.scheduler.app.service.DeploymentResult;
import dev.pacer.scheduler.definition.UpdateMode;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.deploy.DeploymentAction;
import dev.pacer.scheduler.deploy.RunningDeployment;
import dev.pacer.scheduler.group.GroupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's story against the scheduler's app and group services, on in-memory stores
 * ({@link InMemoryScheduler}): <em>given</em> what is stored, <em>when</em> one API call happens,
 * <em>then</em> what is stored, deployed, refused, hinted and announced.
 *
 * <pre>
 * scenario.given().app("/shop/web", 4)
 *         .when().scaled("/shop/web", 6)
 *         .then().accepted()
 *         .app("/shop/web").hasInstances(6).hasVersions(2).and()
 *         .deployed("ScaleApplication /shop/web");
 * </pre>
 *
 * Each {@code when} call moves the clock on by a second first, so every change gets its own version, and
 * remembers what was stored before it, for {@link Then#nothingChanged()}.
 */
public final class AppScenario {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public final InMemoryScheduler scheduler = new InMemoryScheduler();
    private final Given given = new Given();
    private final When when = new When();
    private final Then then = new Then();
    private DeploymentResult deployed;
    private List<List<String>> dryRunSteps;
    private ApiException refusal;
    private Stored before;

    public Given given() {
        return given;
    }

    public When when() {
        return when;
    }

    /** Everything stored, to tell whether a call changed anything. */
    private record Stored(Map<AppId, String> apps, Map<AppId, List<String>> versions, List<RunningDeployment> deployments,
                          Map<AppId, List<String>> groups, Object servicePorts) {
    }

    private Stored stored() {
        Map<AppId, String> apps = new LinkedHashMap<>();
        Map<AppId, List<String>> versions = new LinkedHashMap<>();
        for (AppId id : scheduler.appStore.ids(AppId.ROOT)) {
            apps.put(id, scheduler.appStore.get(id).orElse(null));
            versions.put(id, scheduler.appStore.versions(id));
        }
        return new Stored(apps, versions, scheduler.deploymentStore.all(), scheduler.groupStore.explicit(AppId.ROOT),
                scheduler.servicePorts.used());
    }

    /** Lets a deployment run to its end at once, every later step made current as the deployment progress would. */
    private void finish(String deploymentId) {
        scheduler.deployments.find(deploymentId).ifPresent(running -> {
            for (int step = 2; step <= running.plan().totalSteps(); step++) {
                running.plan().step(step).forEach(scheduler.appDeployments::activate);
            }
            scheduler.deployments.end(running.plan(), "finished: given");
        });
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** What is stored before the call under test; every deployment a given step starts is finished. */
    public final class Given {

        /** An app running {@code cmd: sleep 1000} with that many instances. */
        public Given app(String id, int instances) {
            return app(id, "{\"cmd\":\"sleep 1000\",\"instances\":" + instances + "}");
        }

        /** An app with the given definition (its {@code id} is set here). */
        public Given app(String id, String definition) {
            JsonNode body = ((ObjectNode) json(definition)).put("id", id);
            finish(scheduler.appService.create(body, false).result().deploymentId());
            scheduler.clock.advance(Duration.ofSeconds(1));
            return this;
        }

        /** A group PUT with that body. */
        public Given group(String id, String body) {
            finish(scheduler.groups.update(AppId.parse(id), json(body), false, false).result().deploymentId());
            scheduler.clock.advance(Duration.ofSeconds(1));
            return this;
        }

        /** A change of the app still being deployed: its deployment holds the app. */
        public Given aDeploymentInProgressOn(String id) {
            scheduler.appService.scaleTo(AppId.parse(id), scheduler.apps.require(AppId.parse(id)).instances() + 1, false);
            scheduler.clock.advance(Duration.ofSeconds(1));
            return this;
        }

        public When when() {
            return when;
        }
    }

    /** The one call under test, as the API makes it. */
    public final class When {

        /** {@code POST /v2/apps}. */
        public When created(String definition) {
            return call(() -> scheduler.appService.create(json(definition), false).result());
        }

        /** {@code PUT /v2/apps/{id}} (a partial update, Marathon's default). */
        public When updated(String id, String body) {
            return call(() -> scheduler.appService.put(AppId.parse(id), json(body), UpdateMode.PARTIAL, false).result());
        }

        /** {@code PUT /v2/apps/{id}?partialUpdate=false}. */
        public When replaced(String id, String body) {
            return call(() -> scheduler.appService.put(AppId.parse(id), json(body), UpdateMode.FULL, false).result());
        }

        /** {@code PUT /v2/apps/{id}?force=true}. */
        public When forcedUpdate(String id, String body) {
            return call(() -> scheduler.appService.put(AppId.parse(id), json(body), UpdateMode.PARTIAL, true).result());
        }

        /** {@code PUT /v2/apps/{id}} with {@code {"version": <the app's nth version, newest first from 0>}}. */
        public When rolledBack(String id, int nthVersion) {
            String version = scheduler.appStore.versions(AppId.parse(id)).get(nthVersion);
            return updated(id, "{\"version\":\"" + version + "\"}");
        }

        /** {@code PUT /v2/apps} with a list of apps. */
        public When bulkUpdated(String body) {
            return call(() -> scheduler.appService.putAll(json(body), UpdateMode.PARTIAL, false, false));
        }

        /** {@code DELETE /v2/apps/{id}/tasks?scale=true} to that count. */
        public When scaled(String id, int instances) {
            return call(() -> scheduler.appService.scaleTo(AppId.parse(id), instances, false));
        }

        /** {@code POST /v2/apps/{id}/restart}. */
        public When restarted(String id) {
            return call(() -> scheduler.appService.restart(AppId.parse(id), false));
        }

        /** {@code DELETE /v2/apps/{id}?force=false}. */
        public When deleted(String id) {
            return call(() -> scheduler.appService.delete(AppId.parse(id), false));
        }

        /** {@code DELETE /v2/deployments/{id}} of the deployment the last given or when step started. */
        public When deploymentCancelled(String deploymentId) {
            return call(() -> scheduler.appService.revertDeployment(deploymentId, "cancelled by the user"));
        }

        /** {@code PUT /v2/groups/{id}}. */
        public When groupPut(String id, String body) {
            return call(() -> scheduler.groups.update(AppId.parse(id), json(body), false, false).result());
        }

        /** {@code PUT /v2/groups/{id}?dryRun=true}: only the steps are answered. */
        public When groupDryRun(String id, String body) {
            return call(() -> {
                GroupService.Outcome outcome = scheduler.groups.update(AppId.parse(id), json(body), false, true);
                dryRunSteps = outcome.steps().stream().map(step -> step.stream().map(e -> e.app().toString()).toList()).toList();
                return null;
            });
        }

        /** {@code POST /v2/groups}. */
        public When groupCreated(String body) {
            return call(() -> scheduler.groups.create(AppId.ROOT, json(body), false).result());
        }

        /** {@code PUT /v2/groups/{id}} with {@code {"version": <the group's nth version, newest first from 0>}}. */
        public When groupRolledBack(String id, int nthVersion) {
            String version = scheduler.groupStore.versions(AppId.parse(id)).get(nthVersion);
            return groupPut(id, "{\"version\":\"" + version + "\"}");
        }

        /** {@code DELETE /v2/groups/{id}}. */
        public When groupDeleted(String id) {
            return call(() -> scheduler.groups.delete(AppId.parse(id), false));
        }

        private When call(Supplier<DeploymentResult> action) {
            scheduler.clock.advance(Duration.ofSeconds(1));
            before = stored();
            scheduler.hints.clear();
            deployed = null;
            refusal = null;
            try {
                deployed = action.get();
            } catch (ApiException e) {
                refusal = e;
            }
            return this;
        }

        public Then then() {
            return then;
        }
    }

    /** What the call did. */
    public final class Then {

        public Then accepted() {
            assertThat(refusal).as("the call was refused").isNull();
            return this;
        }

        /** Refused with that status and a message or detail path containing {@code text}. */
        public Then refused(int status, String text) {
            assertThat(refusal).as("the call was accepted").isNotNull();
            assertThat(refusal.status()).isEqualTo(status);
            List<String> said = new ArrayList<>(List.of(refusal.body().message()));
            refusal.body().details().stream().map(ErrorDetail::path).forEach(said::add);
            refusal.body().details().stream().flatMap(d -> d.errors().stream()).forEach(said::add);
            assertThat(said).as("message and details").anySatisfy(s -> assertThat(s).contains(text));
            return this;
        }

        public Then nothingChanged() {
            assertThat(stored()).isEqualTo(before);
            return this;
        }

        public AppThen app(String id) {
            return new AppThen(AppId.parse(id));
        }

        public Then noApp(String id) {
            assertThat(scheduler.apps.find(AppId.parse(id))).as("app " + id).isEmpty();
            return this;
        }

        /** The call's deployment runs with these actions ({@code "ScaleApplication /a"}), step by step. */
        public Then deployed(String... actionsOfStepOne) {
            return deployedInSteps(List.of(actionsOfStepOne));
        }

        @SafeVarargs
        public final Then deployedInSteps(List<String>... steps) {
            assertThat(deployed).as("a deployment").isNotNull();
            RunningDeployment running = scheduler.deployments.find(deployed.deploymentId()).orElseThrow(() ->
                    new AssertionError("deployment " + deployed.deploymentId() + " is not running"));
            List<List<String>> actual = running.plan().steps().stream()
                    .map(step -> step.stream().map(AppScenario::describe).toList()).toList();
            assertThat(actual).containsExactly(steps);
            return this;
        }

        /** The call's deployment holds this action, in whatever step. */
        public Then deploymentIncludes(String action) {
            assertThat(deployed).as("a deployment").isNotNull();
            RunningDeployment running = scheduler.deployments.find(deployed.deploymentId()).orElseThrow();
            assertThat(running.plan().steps().stream().flatMap(List::stream).map(AppScenario::describe)).contains(action);
            return this;
        }

        /** The call changed nothing to deploy: its deployment finished at once and is not listed. */
        public Then deployedNothing() {
            assertThat(deployed).as("a deployment").isNotNull();
            assertThat(scheduler.deployments.find(deployed.deploymentId())).isEmpty();
            return this;
        }

        /** A dry run answered these steps of app ids. */
        @SafeVarargs
        public final Then plannedSteps(List<String>... steps) {
            assertThat(dryRunSteps).containsExactly(steps);
            return this;
        }

        /** The deployments running now hold exactly these apps. */
        public Then locked(String... apps) {
            assertThat(scheduler.deploymentStore.locksOf(List.of(apps))).containsOnlyKeys(apps);
            return this;
        }

        /** The reconcilers of these apps were woken up, in this order. */
        public Then hinted(String... apps) {
            assertThat(scheduler.hints.published()).extracting(AppId::toString).containsExactly(apps);
            return this;
        }

        public Then announced(String eventType) {
            assertThat(scheduler.events.types()).contains(eventType);
            return this;
        }

        public Then groupExists(String id, boolean exists) {
            assertThat(scheduler.groups.exists(AppId.parse(id))).as("group " + id + " exists").isEqualTo(exists);
            return this;
        }

        public Then groupVersions(String id, int count) {
            assertThat(scheduler.groupStore.versions(AppId.parse(id))).hasSize(count);
            return this;
        }

        /** The id of the deployment the call started (to cancel it in a next step). */
        public String deploymentId() {
            return deployed.deploymentId();
        }

        public When when() {
            return when;
        }
    }

    /** What is stored of one app. */
    public final class AppThen {

        private final AppId id;
        private final AppDefinition app;

        AppThen(AppId id) {
            this.id = id;
            this.app = scheduler.apps.find(id).orElseThrow(() -> new AssertionError("app " + id + " is not stored"));
        }

        public AppThen hasInstances(int instances) {
            assertThat(app.instances()).as("instances of " + id).isEqualTo(instances);
            return this;
        }

        public AppThen hasCmd(String cmd) {
            assertThat(app.cmd()).isEqualTo(cmd);
            return this;
        }

        public AppThen hasVersions(int count) {
            assertThat(scheduler.appStore.versions(id)).as("versions of " + id).hasSize(count);
            return this;
        }

        /** {@code versionInfo}: whether the last change counted as a config change ({@code lastConfigChangeAt} moved). */
        public AppThen lastChangeWasConfigChange(boolean config) {
            assertThat(app.versionInfo().lastConfigChangeAt().equals(app.version())).as("config change").isEqualTo(config);
            return this;
        }

        /** Every {@code port: 0} got a service port of the configured range. */
        public AppThen hasServicePortsInRange(int count) {
            assertThat(ServicePorts.ports(app)).hasSize(count).allSatisfy(p ->
                    assertThat(p).isBetween(InMemoryScheduler.SERVICE_PORT_MIN, InMemoryScheduler.SERVICE_PORT_MAX));
            return this;
        }

        public AppThen satisfies(Consumer<AppDefinition> check) {
            check.accept(app);
            return this;
        }

        public Then and() {
            return then;
        }
    }

    private static String describe(DeploymentAction action) {
        return action.action() + " " + action.app();
    }
}
