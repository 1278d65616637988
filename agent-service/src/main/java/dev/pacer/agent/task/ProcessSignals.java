package dev.pacer.agent.task;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signals a task as a whole. With process groups (the task leads its own), {@code kill -s SIG -- -pgid}
 * reaches every process the task forked, even those whose parent already exited; without, the
 * leader and its living descendants are signalled one by one.
 */
public final class ProcessSignals {

    private static final Logger log = LoggerFactory.getLogger(ProcessSignals.class);
    private static final String KILL_GROUP = "kill -s \"$1\" -- \"-$2\" 2>/dev/null";

    private final boolean groups;

    public ProcessSignals(boolean groups) {
        this.groups = groups;
    }

    /** SIGTERM to the task's group: asks every process of the task to stop. */
    public void terminate(long leaderPid) {
        signal(leaderPid, "TERM");
    }

    /** SIGKILL to the task's group: whatever is left of the task stops now. */
    public void kill(long leaderPid) {
        signal(leaderPid, "KILL");
    }

    private void signal(long leaderPid, String signal) {
        if (groups) {
            signalGroup(leaderPid, signal);
        } else {
            ProcessHandle.of(leaderPid).ifPresent(leader -> Stream.concat(leader.descendants(), Stream.of(leader))
                    .forEach(p -> {
                        if (signal.equals("KILL")) {
                            p.destroyForcibly();
                        } else {
                            p.destroy();
                        }
                    }));
        }
    }

    private static void signalGroup(long pgid, String signal) {
        try {
            Process kill = new ProcessBuilder(List.of("/bin/sh", "-c", KILL_GROUP, "pacer-kill", signal, Long.toString(pgid)))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!kill.waitFor(5, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
                log.warn("Sending SIG{} to process group {} timed out", signal, pgid);
            }
        } catch (IOException e) {
            log.warn("Cannot send SIG{} to process group {}: {}", signal, pgid, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
