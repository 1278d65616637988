package dev.pacer.agent.node;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import org.springframework.core.env.Environment;

/**
 * What the defaults of a node are computed from: facts about the machine and the configuration
 * outside {@code pacer.agent}.
 *
 * @param eurekaHostname      {@code eureka.instance.hostname}, or null
 * @param serverPort          the configured {@code server.port} (0 when random)
 * @param physicalMemoryBytes total physical memory, or 0 when unknown
 */
public record HostFacts(String hostname, String eurekaHostname, int serverPort, int processors,
                        long physicalMemoryBytes, Path tmpDir) {

    public static HostFacts of(Environment env) {
        return new HostFacts(localHostname(), env.getProperty("eureka.instance.hostname"),
                env.getProperty("server.port", Integer.class, 8080), Runtime.getRuntime().availableProcessors(),
                physicalMemory(), Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static String localHostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }
}
