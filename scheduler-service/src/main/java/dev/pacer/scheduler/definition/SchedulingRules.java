package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.UpgradeStrategy;

/**
 * Validation of how an app's tasks are started, replaced and killed: backoff, kill selection, upgrade and
 * unreachable strategies, Pacer's canary / blue-green / auto-revert settings, single-instance apps.
 */
final class SchedulingRules {

    static final String SINGLE_INSTANCE = "Single instance app may only have one instance";

    private SchedulingRules() {
    }

    static void validate(AppDefinition app, Violations v) {
        v.atLeast("/backoffSeconds", app.backoffSeconds(), 0);
        v.atLeast("/backoffFactor", app.backoffFactor(), 1);
        v.atLeast("/maxLaunchDelaySeconds", app.maxLaunchDelaySeconds(), 0);
        v.atLeast("/taskKillGracePeriodSeconds", app.taskKillGracePeriodSeconds(), 0);
        v.oneOf("/killSelection", app.killSelection(), AppDefinition.KILL_SELECTIONS);
        UpgradeStrategy upgrade = app.upgradeStrategy();
        if (upgrade != null) {
            v.between("/upgradeStrategy/minimumHealthCapacity", upgrade.minimumHealthCapacity(), 0, 1);
            v.between("/upgradeStrategy/maximumOverCapacity", upgrade.maximumOverCapacity(), 0, 1);
        }
        pacer(app, v);
        PacerLabels.validate(app, v);
        UnreachableStrategy unreachable = app.unreachableStrategy();
        if (unreachable != null && !unreachable.disabled()) {
            Long inactive = unreachable.inactiveAfterSeconds();
            Long expunge = unreachable.expungeAfterSeconds();
            v.atLeast("/unreachableStrategy/inactiveAfterSeconds", inactive, 0);
            v.atLeast("/unreachableStrategy/expungeAfterSeconds", expunge, 0);
            v.check(inactive == null || expunge == null || inactive <= expunge,
                    "/unreachableStrategy/inactiveAfterSeconds", "must be less than or equal to expungeAfterSeconds");
        }
        v.check(app.residency() == null || unreachable == null || unreachable.disabled(),
                "/unreachableStrategy", "unreachableStrategy must be disabled for resident tasks");
        if (app.isSingleInstance()) {
            v.check(app.instances() == null || app.instances() <= 1, "/instances", SINGLE_INSTANCE);
            if (upgrade != null) {
                String message = "must be 0 for a single-instance app (" + AppDefinition.SINGLE_INSTANCE_LABEL + ")";
                v.check(zeroOrAbsent(upgrade.minimumHealthCapacity()), "/upgradeStrategy/minimumHealthCapacity", message);
                v.check(zeroOrAbsent(upgrade.maximumOverCapacity()), "/upgradeStrategy/maximumOverCapacity", message);
            }
        }
    }

    /** The {@code pacer} object: canary, blue-green and auto-revert settings. */
    private static void pacer(AppDefinition app, Violations v) {
        if (app.pacer() == null) {
            return;
        }
        if (app.pacer().canary() != null) {
            v.check(app.pacer().canary().instances() != null, "/pacer/canary/instances", "must be given");
            v.atLeast("/pacer/canary/instances", app.pacer().canary().instances(), 1);
        }
        if (app.pacer().blueGreen() != null) {
            v.atLeast("/pacer/blueGreen/keepOldSeconds", app.pacer().blueGreen().keepOldSeconds(), 0);
            v.check(app.pacer().canary() == null, "/pacer", "canary and blueGreen cannot be combined");
        }
        if (app.pacer().autoRevert() != null) {
            v.check(app.pacer().autoRevert().deadlineSeconds() != null, "/pacer/autoRevert/deadlineSeconds", "must be given");
            v.atLeast("/pacer/autoRevert/deadlineSeconds", app.pacer().autoRevert().deadlineSeconds(), 1);
        }
    }

    private static boolean zeroOrAbsent(Double value) {
        return value == null || value == 0.0;
    }
}
