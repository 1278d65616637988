package dev.pacer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the figures were measured on: they mean little without it. */
final class Machine {

    private Machine() {
    }

    /** e.g. "2 cores (Intel Xeon ...), 24 GiB, Linux 6.1 amd64, JDK 17.0.15". */
    static String describe() {
        return Runtime.getRuntime().availableProcessors() + " cores" + cpuModel().map(m -> " (" + m + ")").orElse("")
                + memory().map(m -> ", " + m).orElse("")
                + ", " + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + " " + System.getProperty("os.arch")
                + ", JDK " + System.getProperty("java.runtime.version");
    }

    /** The one-minute load average of the host (-1 where the OS does not say). */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Resident memory of a process, in MiB, from /proc (Linux only). */
    static Optional<Long> rssMiB(long pid) {
        return line(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:")
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024);
    }

    private static Optional<String> cpuModel() {
        return line(Path.of("/proc/cpuinfo"), "model name").map(l -> l.substring(l.indexOf(':') + 1).trim());
    }

    private static Optional<String> memory() {
        return line(Path.of("/proc/meminfo"), "MemTotal:")
                .map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GiB");
    }

    private static Optional<String> line(Path file, String prefix) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
