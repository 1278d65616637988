package dev.pacer.contract.task;

/** Marathon's task states (reference §5), as reported by agents and shown in task JSON. */
public enum TaskState {
    TASK_STAGING, TASK_STARTING, TASK_RUNNING, TASK_KILLING,
    TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR,
    TASK_UNREACHABLE, TASK_GONE, TASK_DROPPED, TASK_UNKNOWN;

    /** The task will never run again: its resources can be released and the record expunged. */
    public boolean isTerminal() {
        return switch (this) {
            case TASK_FINISHED, TASK_FAILED, TASK_KILLED, TASK_ERROR, TASK_GONE, TASK_DROPPED -> true;
            default -> false;
        };
    }

    /** A failure that counts towards launch backoff (as opposed to a kill Pacer asked for). */
    public boolean isFailure() {
        return this == TASK_FAILED || this == TASK_ERROR || this == TASK_GONE || this == TASK_DROPPED;
    }
}
