package dev.pacer.scheduler.app.service;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.deploy.DeploymentAction;
import java.util.Objects;

/**
 * One app's change, the unit app and group changes are deployed in: {@code before} null for a new app,
 * {@code after} null for a deletion.
 */
public record AppEdit(AppDefinition before, AppDefinition after) {

    public AppId app() {
        return after != null ? after.appId() : before.appId();
    }

    /**
     * The same definition as before, up to its version, and the same config identity (a restart keeps
     * the definition but moves {@code lastConfigChangeAt}): nothing to deploy.
     */
    public boolean isNoop() {
        return before != null && after != null && AppDefinitions.sameDefinition(before, after)
                && Objects.equals(configChange(before), configChange(after));
    }

    /** Marathon's action for the change: start, stop, scale (instances only) or a rolling restart. */
    public DeploymentAction action() {
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

    private static Timestamp configChange(AppDefinition app) {
        return app.versionInfo() == null ? null : app.versionInfo().lastConfigChangeAt();
    }
}
