package dev.pacer.agent.task;

/** The messages of status updates about a process that ended. Never anything of the task's environment. */
final class ExitMessages {

    static final String UNKNOWN_WHILE_DOWN = "exited while the agent was down, exit code unknown";

    private ExitMessages() {
    }

    static String exitedWith(int code) {
        String hint = switch (code) {
            case 126 -> " (command not executable)";
            case 127 -> " (command not found)";
            default -> code > 128 && code < 160 ? " (signal " + (code - 128) + ")" : "";
        };
        return "exited with code " + code + hint;
    }

    static String exitedWhileDown(int code) {
        return exitedWith(code) + " while the agent was down";
    }
}
