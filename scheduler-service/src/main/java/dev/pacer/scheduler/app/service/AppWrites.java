package dev.pacer.scheduler.app.service;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.deploy.DeploymentAction;
import dev.pacer.scheduler.queue.BackoffStore;
import dev.pacer.scheduler.work.AppHints;
import java.util.Optional;

/**
 * Writes an accepted app change and tells whoever needs to know: service ports assigned or given back, the
 * definition stored, the launch backoff reset by a config change, health check events, and a hint that
 * wakes the app's reconciler. Only called once the change's deployment has started.
 */
public class AppWrites {

    private final AppRepository apps;
    private final ServicePorts servicePorts;
    private final BackoffStore backoffs;
    private final AppHints hints;
    private final HealthCheckEvents checkEvents;

    public AppWrites(AppRepository apps, ServicePorts servicePorts, BackoffStore backoffs, AppHints hints,
                     HealthCheckEvents checkEvents) {
        this.apps = apps;
        this.servicePorts = servicePorts;
        this.backoffs = backoffs;
        this.hints = hints;
        this.checkEvents = checkEvents;
    }

    /** A new app with a service port for each {@code port: 0} of its port definitions. */
    AppDefinition withServicePorts(AppDefinition app) {
        return servicePorts.assign(null, app);
    }

    /** Stores a new app; false (its service ports given back) when an app with its id exists already. */
    boolean create(AppDefinition app) {
        if (!apps.create(app)) {
            servicePorts.release(app);
            return false;
        }
        checkEvents.changed(null, app);
        hints.publish(app.appId());
        return true;
    }

    /**
     * Writes one change: {@code current} makes it the app's definition at once (a deletion only then),
     * otherwise only its new version is stored, to be made current by {@link #activate}.
     */
    void write(AppEdit change, boolean current) {
        if (change.after() == null) {
            if (current) {
                remove(change.before());
            }
            return;
        }
        AppDefinition app = servicePorts.assign(change.before(), change.after());
        if (current) {
            apps.save(app);
            afterSave(change.before(), app);
        } else {
            apps.saveVersion(app);
        }
    }

    /** Makes a deployment step's stored version current (or stops the app); false when nothing changed. */
    boolean activate(DeploymentAction action) {
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

    private void afterSave(AppDefinition before, AppDefinition after) {
        if (before == null || !AppDefinitions.isScaleOnly(before, after)) {
            backoffs.reset(after.appId());
        }
        checkEvents.changed(before, after);
        hints.publish(after.appId());
    }
}
