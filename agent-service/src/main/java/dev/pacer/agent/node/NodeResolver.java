package dev.pacer.agent.node;

import dev.pacer.agent.AgentProperties;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AgentId;
import java.nio.file.Path;

/** Fills in every {@link AgentProperties} default that depends on the machine. Pure. */
public final class NodeResolver {

    static final double DEFAULT_MEM_MIB = 4096;
    private static final long MIB = 1024 * 1024;

    private NodeResolver() {
    }

    public static AgentNode resolve(AgentProperties properties, HostFacts host) {
        AgentId id = AgentId.parse(properties.id() != null ? properties.id() : defaultId(host));
        String advertised = properties.host() != null ? properties.host()
                : host.eurekaHostname() != null ? host.eurekaHostname() : host.hostname();
        double cpus = properties.cpus() != null ? properties.cpus() : host.processors();
        double mem = properties.mem() != null ? properties.mem()
                : host.physicalMemoryBytes() > 0 ? Math.floor(host.physicalMemoryBytes() / 2.0 / MIB) : DEFAULT_MEM_MIB;
        Path workDir = properties.workDir() != null ? properties.workDir()
                : host.tmpDir().resolve("pacer-agent").resolve(id.value());
        return new AgentNode(id, advertised, properties.zone(), properties.region(), properties.attributes(),
                new Resources(cpus, mem, properties.disk()), properties.ports(), workDir.toAbsolutePath());
    }

    /** {@code <hostname>-<port>}, reduced to the characters an agent id allows. */
    static String defaultId(HostFacts host) {
        String name = host.hostname().replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return (name.isEmpty() ? "agent" : name) + "-" + host.serverPort();
    }
}
