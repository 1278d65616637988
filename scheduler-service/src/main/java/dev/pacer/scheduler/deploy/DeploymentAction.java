package dev.pacer.scheduler.deploy;

import java.util.Objects;

/**
 * One action of a deployment step: what happens to one app, by reference — the app id and the
 * stored version it goes to, never a copy of the definition.
 *
 * @param version          the app version the action converges to (null for {@link Type#StopApplication})
 * @param previousVersion  the version before the change, what a rollback goes back to (null when created)
 */
public record DeploymentAction(Type action, String app, String version, String previousVersion) {

    /** Marathon's action names (reference §6). */
    public enum Type { StartApplication, ScaleApplication, RestartApplication, StopApplication }

    public DeploymentAction {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(app, "app");
        if (action != Type.StopApplication) {
            Objects.requireNonNull(version, "version");
        }
    }
}
