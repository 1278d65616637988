package dev.pacer.scheduler.app.service;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.PacerExtensions;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import dev.pacer.scheduler.app.definition.AppDefinitions;
import dev.pacer.scheduler.app.definition.AppValidator;
import dev.pacer.scheduler.app.definition.BodyRules;
import dev.pacer.scheduler.app.definition.PacerLabels;
import dev.pacer.scheduler.app.definition.UpdateMode;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.deploy.DeploymentAction;
import dev.pacer.scheduler.deploy.DeploymentActivator;
import dev.pacer.scheduler.deploy.DeploymentPlan;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.deploy.RunningDeployment;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.work.AppHints;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Changes to app definitions: create, update (partial or full, or a rollback to a stored version),
 * scale, restart, delete. Every request is validated completely and its deployment started (its
 * apps locked: 409 while another deployment holds one, unless {@code force}) before anything is
 * written, so a rejected request changes nothing; every accepted change stores a new version and
 * wakes the app's reconciler, which converges the tasks while the deployment tracks it.
 */
public class AppService implements DeploymentActivator {

    /** The outcome of a PUT: whether it created the app, and the change. */
    public record Change(boolean created, DeploymentResult result, AppDefinition app) {
    }

    /** One app's change: {@code before} null for a new app, {@code after} null for a deletion. */
    public record Edit(AppDefinition before, AppDefinition after) {

        public AppId app() {
            return after != null ? after.appId() : before.appId();
        }

        /**
         * The same definition as before, up to its version, and the same config identity (a restart keeps
         * the definition but moves {@code lastConfigChangeAt}): nothing to deploy.
         */
        public boolean isNoop() {
            return before != null && after != null && AppDefinitions.sameDefinition(before, after)
                    && java.util.Objects.equals(configChange(before), configChange(after));
        }

        private static Timestamp configChange(AppDefinition app) {
            return app.versionInfo() == null ? null : app.versionInfo().lastConfigChangeAt();
        }
    }

    private final AppRepository apps;
    private final AppDefinitions definitions;
    private final AppValidator validator;
    private final BackoffStore backoffs;
    private final ServicePorts servicePorts;
    private final AppHints hints;
    private final DeploymentService deployments;
    private final dev.pacer.scheduler.deploy.TrafficGate traffic;
    private final Clock clock;
    private final HealthCheckEvents checkEvents;

    public AppService(AppRepository apps, AppDefinitions definitions, AppValidator validator, BackoffStore backoffs,
                      ServicePorts servicePorts, AppHints hints, DeploymentService deployments,
                      dev.pacer.scheduler.deploy.TrafficGate traffic, Clock clock, HealthCheckEvents checkEvents) {
        this.traffic = traffic;
        this.checkEvents = checkEvents;
        this.apps = apps;
        this.definitions = definitions;
        this.validator = validator;
        this.backoffs = backoffs;
        this.servicePorts = servicePorts;
        this.hints = hints;
        this.deployments = deployments;
        this.clock = clock;
    }

    public Change create(JsonNode body, boolean force) {
        AppDefinition valid = stamp(definitions.readNew(body), null);
        validator.check(valid);
        ApiException.checkConflict(apps.find(valid.appId()).isEmpty(), "An app with id [%s] already exists.", valid.appId());
        DeploymentPlan plan = deployments.begin(List.of(List.of(action(new Edit(null, valid)))), valid.version().toString(), force, null);
        AppDefinition app;
        try {
            app = servicePorts.assign(null, valid);
        } catch (RuntimeException e) {
            deployments.abort(plan);
            throw e;
        }
        if (!apps.create(app)) {
            servicePorts.release(app);
            deployments.abort(plan);
            throw ApiException.conflict("An app with id [%s] already exists.", app.appId());
        }
        checkEvents.changed(null, app);
        hints.publish(app.appId());
        return new Change(true, new DeploymentResult(plan.id(), app.version().toString()), app);
    }

    /** {@code PUT /v2/apps/{id}}: updates the app, rolls it back, or creates it. */
    public Change put(AppId id, JsonNode body, UpdateMode mode, boolean force) {
        Optional<AppDefinition> stored = apps.find(id);
        Optional<Timestamp> rollback = definitions.rollbackVersion(body);
        if (rollback.isPresent()) {
            AppDefinition current = stored.orElseThrow(() -> ApiException.notFound("App '%s' does not exist", id));
            AppDefinition old = apps.version(id, rollback.get()).orElseThrow(() ->
                    ApiException.notFound("App '%s' does not exist in version %s", id, rollback.get()));
            Edit edit = restored(current, old, Timestamp.now(clock));
            validator.check(edit.after());
            return new Change(false, commit(List.of(edit), edit.after().version(), force, null), edit.after());
        }
        if (stored.isEmpty()) {
            AppDefinition app = stamp(definitions.readNew(body, id), null);
            validator.check(app);
            DeploymentResult result = commit(List.of(new Edit(null, app)), app.version(), force, null);
            return new Change(true, result, app);
        }
        AppDefinition updated = definitions.readUpdate(body, stored.get(), mode);
        return new Change(false, save(stored.get(), updated, force), updated);
    }

    /** {@code PATCH /v2/apps/{id}}: a partial update of an existing app. */
    public DeploymentResult patch(AppId id, JsonNode body, boolean force) {
        AppDefinition stored = apps.require(id);
        return save(stored, definitions.readUpdate(body, stored, UpdateMode.PARTIAL), force);
    }

    /** Bulk {@code PUT}/{@code PATCH /v2/apps}: every app validated first, then all written in one deployment. */
    public DeploymentResult putAll(JsonNode body, UpdateMode mode, boolean mustExist, boolean force) {
        BodyRules.checkBulk(body, validator.limits());
        List<Edit> changes = new ArrayList<>();
        List<ErrorDetail> errors = new ArrayList<>();
        Timestamp now = Timestamp.now(clock);
        for (int i = 0; i < body.size(); i++) {
            JsonNode item = body.get(i);
            if (!item.hasNonNull("id")) {
                errors.add(ErrorDetail.of("/(" + i + ")/id", "must be given"));
                continue;
            }
            AppId id;
            try {
                id = AppId.parse(item.get("id").stringValue());
            } catch (InvalidIdException e) {
                errors.add(ErrorDetail.of("/(" + i + ")/id", e.getMessage()));
                continue;
            }
            Optional<AppDefinition> stored = apps.find(id);
            if (stored.isEmpty() && mustExist) {
                throw ApiException.notFound("App '%s' does not exist", id);
            }
            AppDefinition next = stored.isPresent()
                    ? versioned(stored.get(), definitions.readUpdate(item, stored.get(), mode), now)
                    : stamp(definitions.readNew(item, id), now);
            errors.addAll(AppValidator.prefixed("/(" + i + ")", validator.validate(next)));
            changes.add(new Edit(stored.orElse(null), next));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return commit(changes, now, force, null);
    }

    /** Sets {@code instances}, as a scale-only change ({@code DELETE .../tasks?scale=true}). */
    public DeploymentResult scaleTo(AppId id, int instances, boolean force) {
        AppDefinition stored = apps.require(id);
        return save(stored, stored.toBuilder().instances(Math.max(0, instances)).build(), force);
    }

    /** A new version with the same definition: every task counts as outdated and is replaced (rolling). */
    public DeploymentResult restart(AppId id, boolean force) {
        AppDefinition stored = apps.require(id);
        Timestamp now = Timestamp.now(clock);
        AppDefinition restarted = stored.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
        return commit(List.of(new Edit(stored, restarted)), now, force, null);
    }

    public DeploymentResult delete(AppId id, boolean force) {
        AppDefinition stored = apps.require(id);
        return commit(List.of(new Edit(stored, null)), Timestamp.now(clock), force, null);
    }

    /**
     * {@code DELETE /v2/deployments/{id}}: cancels the deployment and starts one that takes each of
     * its apps back to the version it had before (a created app is removed). A deleted app cannot be
     * brought back: its versions went with it.
     */
    @Override
    public String revert(String deploymentId, String why) {
        return revertDeployment(deploymentId, why).deploymentId();
    }

    /** @param why how the deployment ends ("cancelled…", "auto-reverted…"): its log line, metric and event */
    public DeploymentResult revertDeployment(String deploymentId, String why) {
        RunningDeployment running = deployments.require(deploymentId);
        Timestamp now = Timestamp.now(clock);
        List<Edit> changes = new ArrayList<>();
        for (DeploymentAction action : running.plan().steps().stream().flatMap(List::stream).toList()) {
            AppId id = AppId.parse(action.app());
            Optional<AppDefinition> current = apps.find(id);
            if (action.previousVersion() == null) {
                current.ifPresent(app -> changes.add(new Edit(app, null)));
            } else if (current.isPresent()) {
                apps.version(id, Timestamp.parse(action.previousVersion())).ifPresent(old ->
                        changes.add(restored(current.get(), old, now)));
            }
        }
        try {
            // the rollback takes over the deployment's locks atomically (DeploymentService#begin): ending
            // that one first would leave its apps unlocked, with the definition being rolled back, meanwhile
            return commit(changes, now, true, deploymentId);
        } finally {
            deployments.end(running.plan(), why);
        }
    }

    /**
     * What a group update does to one app given in full: a new app, or the replacement of the stored
     * one (not a partial update). Not validated yet: see {@link #validate}.
     */
    public Edit replacement(AppId id, JsonNode item, Timestamp now) {
        Optional<AppDefinition> stored = apps.find(id);
        return stored.isPresent()
                ? new Edit(stored.get(), versioned(stored.get(), definitions.readUpdate(item, stored.get(), UpdateMode.FULL), now))
                : new Edit(null, stamp(definitions.readNew(item, id), now));
    }

    /** Scales a stored app to {@code instances}. */
    public Edit scaled(AppDefinition stored, int instances, Timestamp now) {
        return new Edit(stored, versioned(stored, stored.toBuilder().instances(Math.max(0, instances)).build(), now));
    }

    /**
     * Takes a stored app back to an old definition, as a new version that keeps the old
     * {@code lastConfigChangeAt}: tasks still running that config count as current again and stay;
     * tasks of the config rolled back from are replaced. Re-creates a deleted app.
     */
    public Edit restored(AppDefinition current, AppDefinition old, Timestamp now) {
        if (current == null) {
            return new Edit(null, stamp(old, now));
        }
        Timestamp configChange = old.versionInfo() != null && old.versionInfo().lastConfigChangeAt() != null
                ? old.versionInfo().lastConfigChangeAt() : now;
        return new Edit(current, old.toBuilder().id(current.id()).version(now).versionInfo(new VersionInfo(now, configChange)).build());
    }

    /** The failing paths of an edit's new definition, under {@code prefix}. */
    public List<ErrorDetail> validate(Edit edit, String prefix) {
        return edit.after() == null ? List.of() : AppValidator.prefixed(prefix, validator.validate(edit.after()));
    }

    /** 409 when a running deployment holds any of the apps. */
    public void requireUnlocked(java.util.Collection<AppId> ids) {
        deployments.requireUnlocked(ids.stream().map(AppId::toString).toList());
    }

    private DeploymentResult save(AppDefinition stored, AppDefinition next, boolean force) {
        Timestamp now = Timestamp.now(clock);
        AppDefinition app = versioned(stored, next, now);
        validator.check(app);
        return commit(List.of(new Edit(stored, app)), now, force, null);
    }

    /**
     * Starts the deployment of validated changes ({before, after}; after null = delete), then writes
     * them. A 409 from a running deployment leaves everything as it was; a failure while writing
     * ends the deployment again.
     */
    private DeploymentResult commit(List<Edit> changes, Timestamp version, boolean force, String rollbackOf) {
        List<Edit> real = changes.stream().filter(e -> !e.isNoop()).toList();
        return commitSteps(real.isEmpty() ? List.of() : List.of(real), version, force, rollbackOf);
    }

    /**
     * Like {@link #commit} for changes in ordered steps: the first step is written at once; later
     * steps store their new versions only, and each is made current when its step starts
     * ({@link #activate}), so an app never runs ahead of what it depends on.
     */
    public DeploymentResult commitSteps(List<List<Edit>> steps, Timestamp version, boolean force, String rollbackOf) {
        List<List<DeploymentAction>> actions = steps.stream().map(step -> step.stream().map(AppService::action).toList()).toList();
        Map<String, Integer> canaries = new LinkedHashMap<>();
        Map<String, Integer> blueGreen = new LinkedHashMap<>();
        int autoRevert = 0;
        for (List<Edit> step : steps) {
            for (Edit edit : step) {
                AppDefinition after = edit.after();
                PacerExtensions pacer = after == null ? null : PacerLabels.effective(after);
                if (pacer == null || rollbackOf != null) {
                    continue;
                }
                boolean configChange = edit.before() != null && !AppDefinitions.isScaleOnly(edit.before(), after);
                if (configChange && pacer.canaryInstances() > 0) {
                    canaries.put(after.id(), Math.min(pacer.canaryInstances(), after.instances()));
                }
                if (configChange && pacer.blueGreenKeepSeconds() >= 0) {
                    blueGreen.put(after.id(), pacer.blueGreenKeepSeconds());
                }
                autoRevert = Math.max(autoRevert, pacer.autoRevertSeconds());
            }
        }
        DeploymentPlan plan = deployments.begin(actions, version.toString(), force, rollbackOf, canaries, autoRevert, blueGreen);
        try {
            // the new set of a blue-green change gets no traffic before the switch: denied before it exists
            steps.stream().flatMap(List::stream).filter(e -> blueGreen.containsKey(e.app().toString()))
                    .forEach(e -> traffic.deny(e.app(), List.of(e.after().version().toString())));
            for (int i = 0; i < steps.size(); i++) {
                for (Edit change : steps.get(i)) {
                    if (change.after() == null) {
                        if (i == 0) {
                            remove(change.before());
                        }
                    } else {
                        AppDefinition app = servicePorts.assign(change.before(), change.after());
                        if (i == 0) {
                            apps.save(app);
                            afterSave(change.before(), app);
                        } else {
                            apps.saveVersion(app);
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            deployments.abort(plan);
            throw e;
        }
        return new DeploymentResult(plan.id(), version.toString());
    }

    @Override
    public boolean activate(DeploymentAction action) {
        AppId id = AppId.parse(action.app());
        Optional<AppDefinition> current = apps.find(id);
        if (action.action() == DeploymentAction.Type.StopApplication) {
            current.ifPresent(this::remove);
            return current.isPresent();
        }
        if (!apps.activate(id, action.version())) {
            return false;
        }
        apps.find(id).ifPresent(app -> afterSave(current.orElse(null), app));
        return true;
    }

    private void remove(AppDefinition app) {
        apps.delete(app.appId());
        checkEvents.changed(app, null);
        servicePorts.release(app);
        hints.publish(app.appId());
    }

    /** Marathon's action for a change: start, stop, scale (instances only) or a rolling restart. */
    public static DeploymentAction action(Edit change) {
        AppDefinition before = change.before();
        AppDefinition after = change.after();
        if (before == null) {
            return new DeploymentAction(DeploymentAction.Type.StartApplication, after.id(), after.version().toString(), null);
        }
        if (after == null) {
            return new DeploymentAction(DeploymentAction.Type.StopApplication, before.id(), null, before.version().toString());
        }
        DeploymentAction.Type type = AppDefinitions.isScaleOnly(before, after)
                ? DeploymentAction.Type.ScaleApplication : DeploymentAction.Type.RestartApplication;
        return new DeploymentAction(type, after.id(), after.version().toString(), before.version().toString());
    }

    /** Marathon's versioning: a scale-only change moves {@code lastScalingAt}, any other change both dates. */
    /**
     * The next version of a stored app; the stored app itself when nothing but answer-only fields
     * (version, counts, tasks…) differ: an identical definition is no change and restarts nothing.
     */
    private static AppDefinition versioned(AppDefinition stored, AppDefinition next, Timestamp now) {
        if (AppDefinitions.sameDefinition(stored, next)) {
            return stored;
        }
        Timestamp configChange = AppDefinitions.isScaleOnly(stored, next) && stored.versionInfo() != null
                ? stored.versionInfo().lastConfigChangeAt() : now;
        return next.toBuilder().id(stored.id()).version(now).versionInfo(new VersionInfo(now, configChange)).build();
    }

    private AppDefinition stamp(AppDefinition app, Timestamp at) {
        Timestamp now = at != null ? at : Timestamp.now(clock);
        return app.toBuilder().version(now).versionInfo(new VersionInfo(now, now)).build();
    }

    private void afterSave(AppDefinition before, AppDefinition after) {
        if (before == null || !AppDefinitions.isScaleOnly(before, after)) {
            backoffs.reset(after.appId());
        }
        checkEvents.changed(before, after);
        hints.publish(after.appId());
    }

}
