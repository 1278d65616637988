package dev.pacer.scheduler.deploy;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a deployment does after one reconcile pass of an app it holds, decided by {@link DeploymentGate} from
 * what the pass observed and nothing else; {@link DeploymentProgress} carries it out (writes, traffic, logs).
 * Keeping the decision a value lets every rule of every {@link DeploymentStrategy} be tested without a store,
 * a clock or a traffic gate.
 */
sealed interface StepDecision {

    /** Not the app's turn: its action is in a later step (or an earlier one, already done). Nothing waits. */
    record Idle() implements StepDecision {
    }

    /** The action is not done yet: look at the app again soon. */
    record Wait() implements StepDecision {
    }

    /** Held at its canaries until promoted: nothing to look at until the promote wakes the app. */
    record Paused() implements StepDecision {
    }

    /** Blue-green after the switch: the old set stays, for an instant switch back, until {@code keepOldSeconds}. */
    record HoldOldSet() implements StepDecision {
    }

    /**
     * A later step's action was not written when its deployment started (or a first step's write was cut
     * short): make its version current, or delete the app. When that changes nothing, {@code otherwise} applies.
     */
    record Activate(DeploymentAction action, StepDecision otherwise) implements StepDecision {
        public Activate {
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(otherwise, "otherwise");
        }
    }

    /** Blue-green: the complete new set runs healthy, let it into traffic beside the old one, then {@code then}. */
    record OpenTraffic(StepDecision then) implements StepDecision {
        public OpenTraffic {
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * Blue-green: both sets served for {@link DeploymentStrategy.BlueGreen#SWITCH_SETTLE}; deny the old versions
     * at once and record the switch, then {@code then}.
     *
     * @param oldVersions    in order (for the log)
     * @param newTasks       the size of the new set (for the log)
     * @param keepOldSeconds how long the old set is held after the switch (for the log)
     */
    record SwitchTraffic(Set<String> oldVersions, int newTasks, int keepOldSeconds, StepDecision then) implements StepDecision {
        public SwitchTraffic {
            oldVersions = Collections.unmodifiableSet(new TreeSet<>(oldVersions));
            Objects.requireNonNull(then, "then");
        }
    }

    /** Auto-revert: past the deadline the new tasks are not all running and healthy; roll the deployment back. */
    record Revert(String reason) implements StepDecision {
        public Revert {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The action is done (converged, superseded by a newer version, deleted since, stopped): record it. */
    record Done(DeploymentAction action) implements StepDecision {
        public Done {
            Objects.requireNonNull(action, "action");
        }
    }

    /** The action's version was never stored within {@link DeploymentGate#UNSTORED_GRACE}: record it done all the same. */
    record GiveUp(DeploymentAction action) implements StepDecision {
        public GiveUp {
            Objects.requireNonNull(action, "action");
        }
    }
}
