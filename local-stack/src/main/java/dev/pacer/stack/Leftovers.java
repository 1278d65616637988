package dev.pacer.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The pids of a running stack, written to a file so that a run after a hard kill of the launcher
 * (which the embedded redis-server does not notice) stops what the previous run left behind.
 */
final class Leftovers {

    private Leftovers() {
    }

    static void record(Path pidFile, ProcessHandle launcher) {
        String pids = Stream.concat(Stream.of(launcher), launcher.descendants())
                .map(p -> Long.toString(p.pid()))
                .collect(Collectors.joining("\n"));
        try {
            Files.createDirectories(pidFile.getParent());
            Files.writeString(pidFile, pids + "\n");
        } catch (IOException e) {
            System.err.println("pacer: cannot write " + pidFile + ": " + e.getMessage());
        }
    }

    /**
     * Refuses to start beside a stack that is still running from the same directory, and stops the
     * processes an earlier run left behind when its launcher was killed outright. The first pid of
     * the file is that launcher's.
     */
    static void stopThoseListedIn(Path pidFile, Path home) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<ProcessHandle> listed;
        try (Stream<String> lines = Files.lines(pidFile)) {
            listed = lines.filter(l -> !l.isBlank())
                    .map(l -> ProcessHandle.of(Long.parseLong(l.trim())))
                    .flatMap(Optional::stream)
                    .filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> isOurs(p, home))
                    .toList();
        } catch (IOException | NumberFormatException e) {
            return;
        }
        if (listed.isEmpty()) {
            return;
        }
        if (listed.get(0).info().commandLine().orElse("").contains("local-stack.jar")) {
            throw new IllegalStateException("a stack is already running from here (launcher pid " + listed.get(0).pid()
                    + "); stop it first, or pass --port-base and --log-dir to run a second one");
        }
        System.out.println("Stopping " + listed.size() + " process(es) left behind by an earlier run: "
                + listed.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" ")));
        listed.forEach(ProcessHandle::destroy);
        listed.forEach(p -> p.onExit().completeOnTimeout(p, 15, TimeUnit.SECONDS).join());
        listed.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static boolean isOurs(ProcessHandle process, Path home) {
        String command = process.info().commandLine().orElse("");
        return command.contains("redis-server") || command.contains(home.toString()) || command.contains("local-stack.jar");
    }
}
