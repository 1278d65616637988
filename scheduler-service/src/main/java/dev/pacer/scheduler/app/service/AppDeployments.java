package dev.pacer.scheduler.app.service;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.PacerExtensions;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.PacerLabels;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.deploy.DeploymentAction;
import dev.pacer.scheduler.deploy.DeploymentActivator;
import dev.pacer.scheduler.deploy.DeploymentPlan;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.deploy.RunningDeployment;
import dev.pacer.scheduler.deploy.TrafficGate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys validated app changes: starts the deployment first (its apps locked: 409 while another
 * deployment holds one, unless {@code force}), then writes the changes, so a refused change writes
 * nothing and a failed write ends the deployment again. Also the deployment's side of a change: a later
 * step's version made current, and a deployment reverted.
 */
public class AppDeployments implements DeploymentActivator {

    private final AppRepository apps;
    private final AppEdits edits;
    private final AppWrites writes;
    private final DeploymentService deployments;
    private final TrafficGate traffic;
    private final Clock clock;

    public AppDeployments(AppRepository apps, AppEdits edits, AppWrites writes, DeploymentService deployments,
                          TrafficGate traffic, Clock clock) {
        this.apps = apps;
        this.edits = edits;
        this.writes = writes;
        this.deployments = deployments;
        this.traffic = traffic;
        this.clock = clock;
    }

    /** Deploys a new, validated app: 409 when an app with its id exists by the time it is written. */
    AppService.Change create(AppDefinition valid, boolean force) {
        DeploymentPlan plan = deployments.begin(List.of(List.of(new AppEdit(null, valid).action())),
                valid.version().toString(), force, null);
        AppDefinition app;
        try {
            app = writes.withServicePorts(valid);
        } catch (RuntimeException e) {
            deployments.abort(plan);
            throw e;
        }
        if (!writes.create(app)) {
            deployments.abort(plan);
            throw ApiException.conflict("An app with id [%s] already exists.", app.appId());
        }
        return new AppService.Change(true, new DeploymentResult(plan.id(), app.version().toString()), app);
    }

    /** Deploys validated changes ({before, after}; after null = delete) as one step; no-op edits left out. */
    DeploymentResult commit(List<AppEdit> changes, Timestamp version, boolean force, String rollbackOf) {
        List<AppEdit> real = changes.stream().filter(e -> !e.isNoop()).toList();
        return commitSteps(real.isEmpty() ? List.of() : List.of(real), version, force, rollbackOf);
    }

    /**
     * Like {@link #commit} for changes in ordered steps: the first step is written at once; later
     * steps store their new versions only, and each is made current when its step starts
     * ({@link #activate}), so an app never runs ahead of what it depends on.
     */
    public DeploymentResult commitSteps(List<List<AppEdit>> steps, Timestamp version, boolean force, String rollbackOf) {
        List<List<DeploymentAction>> actions = steps.stream().map(step -> step.stream().map(AppEdit::action).toList()).toList();
        Map<String, Integer> canaries = new LinkedHashMap<>();
        Map<String, Integer> blueGreen = new LinkedHashMap<>();
        int autoRevert = 0;
        for (List<AppEdit> step : steps) {
            for (AppEdit edit : step) {
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
                for (AppEdit change : steps.get(i)) {
                    writes.write(change, i == 0);
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
        return writes.activate(action);
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
        List<AppEdit> changes = new ArrayList<>();
        for (DeploymentAction action : running.plan().steps().stream().flatMap(List::stream).toList()) {
            AppId id = AppId.parse(action.app());
            Optional<AppDefinition> current = apps.find(id);
            if (action.previousVersion() == null) {
                current.ifPresent(app -> changes.add(new AppEdit(app, null)));
            } else if (current.isPresent()) {
                apps.version(id, Timestamp.parse(action.previousVersion())).ifPresent(old ->
                        changes.add(edits.restored(current.get(), old, now)));
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

    /** 409 when a running deployment holds any of the apps. */
    void requireUnlocked(Collection<AppId> ids) {
        deployments.requireUnlocked(ids.stream().map(AppId::toString).toList());
    }
}
