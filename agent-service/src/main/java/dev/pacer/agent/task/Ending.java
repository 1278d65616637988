package dev.pacer.agent.task;

import dev.pacer.contract.task.TaskState;

/**
 * How a task whose process is gone ends: the terminal state, the exit code and the message of its last
 * status update. Messages never hold anything of the task's environment.
 */
record Ending(TaskState state, Integer exitCode, String message) {

    static final String KILLED = "killed on request";
    static final String UNKNOWN = "exited, exit code unknown";
    static final String UNKNOWN_WHILE_DOWN = "exited while the agent was down, exit code unknown";

    /**
     * @param killing        whether the agent was killing the task (then it ends {@code TASK_KILLED}, whatever its code)
     * @param exitCode       the exit code, null when unknown
     * @param whileAgentDown whether the process ended while no agent watched it
     */
    static Ending of(boolean killing, Integer exitCode, boolean whileAgentDown) {
        if (killing) {
            return new Ending(TaskState.TASK_KILLED, exitCode, KILLED);
        }
        if (exitCode == null) {
            return new Ending(TaskState.TASK_FAILED, null, whileAgentDown ? UNKNOWN_WHILE_DOWN : UNKNOWN);
        }
        String message = exitedWith(exitCode) + (whileAgentDown ? " while the agent was down" : "");
        return new Ending(exitCode == 0 ? TaskState.TASK_FINISHED : TaskState.TASK_FAILED, exitCode, message);
    }

    private static String exitedWith(int code) {
        String hint = switch (code) {
            case 126 -> " (command not executable)";
            case 127 -> " (command not found)";
            default -> code > 128 && code < 160 ? " (signal " + (code - 128) + ")" : "";
        };
        return "exited with code " + code + hint;
    }
}
