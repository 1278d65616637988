package dev.pacer.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

    /** Stops the processes listed in {@code pidFile} that are still ours (a Pacer jar or redis-server). */
    static void stopThoseListedIn(Path pidFile, Path home) {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        List<ProcessHandle> leftovers;
        try (Stream<String> lines = Files.lines(pidFile)) {
            leftovers = lines.filter(l -> !l.isBlank())
                    .map(l -> ProcessHandle.of(Long.parseLong(l.trim())))
                    .flatMap(Optional::stream)
                    .filter(p -> p.pid() != ProcessHandle.current().pid())
                    .filter(p -> isOurs(p, home))
                    .toList();
        } catch (IOException | NumberFormatException e) {
            return;
        }
        if (!leftovers.isEmpty()) {
            System.out.println("Stopping " + leftovers.size() + " process(es) left behind by an earlier run: "
                    + leftovers.stream().map(p -> Long.toString(p.pid())).collect(Collectors.joining(" ")));
            leftovers.forEach(ProcessHandle::destroy);
            leftovers.forEach(p -> p.onExit().completeOnTimeout(p, 15, java.util.concurrent.TimeUnit.SECONDS).join());
            leftovers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean isOurs(ProcessHandle process, Path home) {
        String command = process.info().commandLine().orElse("");
        return command.contains("redis-server") || command.contains(home.toString()) || command.contains("local-stack.jar");
    }
}
