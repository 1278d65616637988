package dev.pacer.scheduler.deploy;

import dev.pacer.scheduler.task.store.TaskRecord;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a deployment replaces one app's tasks, and so which rules hold it: a plain rolling replacement, a
 * canary that pauses until promoted, or a blue-green switch of the whole set. Each strategy owns its two
 * rules — how many new tasks a pass may run while the deployment holds the app ({@link #canaryBound}) and
 * what the deployment does after a pass ({@link #gate}) — so none of them is spread over the classes that
 * store or drive deployments. Pure: no store, no clock, no traffic gate.
 */
sealed interface DeploymentStrategy {

    /**
     * The strategy of the app's change in {@code plan}. An app has at most one of canary and blue-green (the
     * app validator refuses both); a plan naming both would be treated as a canary.
     */
    static DeploymentStrategy of(DeploymentPlan plan, String appId) {
        Integer canary = plan.canaries().get(appId);
        if (canary != null) {
            return new Canary(canary);
        }
        Integer keepOld = plan.blueGreen().get(appId);
        return keepOld != null ? new BlueGreen(keepOld) : new Rolling();
    }

    /**
     * How many tasks of the new version the app may run beside all its old ones while {@code deployment}
     * holds it ({@link DeploymentHook.Held#canary}); -1 when the diff's normal rolling rules apply.
     */
    int canaryBound(RunningDeployment deployment, long nowMillis);

    /** What the deployment does after a pass of the app, whose action is in the current step and written. */
    StepDecision gate(PassObservation pass);

    /** Marathon's rolling replacement ({@code upgradeStrategy}): done once the new set converged. */
    record Rolling() implements DeploymentStrategy {

        @Override
        public int canaryBound(RunningDeployment deployment, long nowMillis) {
            return -1;
        }

        @Override
        public StepDecision gate(PassObservation pass) {
            return DeploymentGate.converge(pass);
        }
    }

    /**
     * {@code pacer.canary}: while the deployment is not promoted, {@code instances} new tasks run beside all
     * the old ones and the deployment waits for the promote (which wakes the app); then it rolls.
     */
    record Canary(int instances) implements DeploymentStrategy {

        @Override
        public int canaryBound(RunningDeployment deployment, long nowMillis) {
            return deployment.paused() ? instances : -1;
        }

        @Override
        public StepDecision gate(PassObservation pass) {
            return pass.deployment().paused() ? new StepDecision.Paused() : DeploymentGate.converge(pass);
        }
    }

    /**
     * {@code pacer.blueGreen}: the complete new set starts beside every old task, denied traffic. Once
     * {@code instances} new tasks run healthy the new set is let in; both sets serve for {@link #SWITCH_SETTLE},
     * longer than discovery takes to reach the gateways (so no gateway ever finds the app without an
     * instance), then the old versions are denied at once and the switch recorded. The old set is kept
     * {@code keepOldSeconds} after the switch, for an instant switch back, before the rolling rules stop it.
     */
    record BlueGreen(int keepOldSeconds) implements DeploymentStrategy {

        /** How long both sets serve before the old one is taken out (discovery reaches gateways in ≤ 2 s). */
        public static final Duration SWITCH_SETTLE = Duration.ofSeconds(2);

        @Override
        public int canaryBound(RunningDeployment deployment, long nowMillis) {
            // the complete new set beside every old task, until the old set's time is up
            return holdsOldSet(deployment.switchedAt(), nowMillis) ? Integer.MAX_VALUE : -1;
        }

        /** Before the switch, and until {@code keepOldSeconds} after it. */
        public boolean holdsOldSet(Long switchedAt, long nowMillis) {
            return switchedAt == null || nowMillis < switchedAt + keepOldSeconds * 1000L;
        }

        @Override
        public StepDecision gate(PassObservation pass) {
            if (pass.spec().isEmpty() || pass.unstored()) {
                return DeploymentGate.converge(pass); // nothing of the change is stored: no new set to open
            }
            Long switchedAt = pass.deployment().switchedAt();
            if (switchedAt == null) {
                // before the switch the app is never done; past the auto-revert deadline it may roll back
                StepDecision then = DeploymentGate.shouldRevert(pass) ? DeploymentGate.converge(pass) : new StepDecision.Wait();
                return traffic(pass, then);
            }
            return holdsOldSet(switchedAt, pass.now().toEpochMilli()) ? new StepDecision.HoldOldSet() : DeploymentGate.converge(pass);
        }

        /** The traffic move due before {@code then}: none until the whole new set runs healthy. */
        private StepDecision traffic(PassObservation pass, StepDecision then) {
            int instances = pass.spec().orElseThrow().instances();
            List<TaskRecord> fresh = pass.fresh();
            boolean ready = fresh.size() >= instances && fresh.stream().filter(pass::runsHealthy).count() >= instances;
            if (!ready) {
                return then;
            }
            Long openedAt = pass.deployment().openedAt();
            if (openedAt == null) {
                return new StepDecision.OpenTraffic(then);
            }
            if (pass.now().toEpochMilli() < openedAt + SWITCH_SETTLE.toMillis()) {
                return then;
            }
            return new StepDecision.SwitchTraffic(oldVersions(pass, fresh), fresh.size(), keepOldSeconds, then);
        }

        /** The versions of the staying tasks outside the new set, but never the stored one nor one of the new set. */
        private static Set<String> oldVersions(PassObservation pass, List<TaskRecord> fresh) {
            Set<String> old = new TreeSet<>();
            pass.staying().stream().filter(t -> !fresh.contains(t)).forEach(t -> old.add(t.version()));
            old.remove(pass.spec().orElseThrow().version());
            fresh.forEach(t -> old.remove(t.version()));
            return old;
        }
    }
}
