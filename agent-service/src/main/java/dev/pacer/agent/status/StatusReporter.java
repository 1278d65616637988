package dev.pacer.agent.status;

import dev.pacer.contract.task.TaskStatus;

/** Where task status updates go. Never blocks and never throws: delivery is the reporter's problem. */
public interface StatusReporter {

    void report(TaskStatus status);
}
