package dev.pacer.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each process of the stack is started with: command-line arguments (nothing secret: every user of
 * the machine can read them) and its 0600 configuration file (certificate paths, the Redis URL with its
 * password, the gateway's encoded admin password), imported with {@code spring.config.import}.
 */
final class StackProcesses {

    private final StackOptions options;
    private final StackPki pki;
    private final StackCredentials.Admin admin;
    private final String redisUrl;

    StackProcesses(StackOptions options, StackPki pki, StackCredentials.Admin admin, String redisUrl) {
        this.options = options;
        this.pki = pki;
        this.admin = admin;
        this.redisUrl = redisUrl;
    }

    /** Directory of each process's certificate, and the identity it names (its subject's common name). */
    static final Map<String, String> IDENTITIES = orderedMap(
            "discovery-service", "discovery", "gateway-service", "gateway", "scheduler-service", "scheduler",
            "secrets-service", "secrets", "health-service", "health", "agent-a", "agent:agent-a", "agent-b", "agent:agent-b",
            StackPki.OPERATOR, "operator", StackPki.PROMETHEUS, "prometheus");

    /** What a process must not get on its command line (visible to every user of the machine): 0600 file. */
    Path config(String name, String... more) {
        List<String> lines = new ArrayList<>(pki.properties(name));
        lines.add("spring.data.redis.url=" + redisUrl);
        // seven JVMs starting at once on a laptop's cores: a first connection (TLS, Redis) can take seconds
        lines.add("spring.data.redis.timeout=5s");
        lines.addAll(List.of(more));
        Path file = options.stackDir().resolve("config").resolve(name + ".properties");
        try {
            OwnerOnly.write(file, "# written by the local stack on every run; never commit\n" + String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    Path gatewayConfig() {
        return config("gateway-service", gatewaySecurity(admin, options.insecureDev()).toArray(String[]::new));
    }

    /** The gateway's bootstrap admin (its encoded password only), and no authentication with {@code --insecure-dev}. */
    static List<String> gatewaySecurity(StackCredentials.Admin admin, boolean insecureDev) {
        List<String> security = new ArrayList<>(List.of(
                "pacer.gateway.security.admin.name=" + admin.name(),
                "pacer.gateway.security.admin.password=" + admin.encoded()));
        if (insecureDev) {
            security.add("pacer.gateway.security.enabled=false");
        }
        return security;
    }

    /** Every internal service but the agents: https Eureka, loopback only. */
    List<String> internal() {
        return List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + options.ports().discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--server.address=127.0.0.1");
    }

    /** Discovery: as every internal service, and the environment its dashboard names. */
    List<String> discovery() {
        List<String> args = new ArrayList<>(internal());
        args.add("--eureka.environment=" + ENVIRONMENT);
        args.add("--eureka.datacenter=" + ENVIRONMENT);
        return args;
    }

    /** What the Eureka dashboard of the local stack calls its environment. */
    static final String ENVIRONMENT = "local";

    /** The gateway: its public port on loopback unless {@code --public}, its actuator on the management port. */
    List<String> gateway() {
        StackOptions.Ports ports = options.ports();
        List<String> args = new ArrayList<>(List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + ports.discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--management.server.port=" + ports.gatewayManagement(),
                "--management.server.address=127.0.0.1"));
        if (!options.publicGateway()) {
            args.add("--server.address=127.0.0.1");
        }
        return args;
    }

    /**
     * Two agents share this machine: each gets its own id, zone, work directory and a disjoint range
     * of host ports for its tasks (derived from its API port, so two stacks side by side differ too).
     */
    List<String> agent(String id, String zone, int apiPort) {
        StackOptions.Ports ports = options.ports();
        List<String> args = new ArrayList<>(List.of(
                "--eureka.client.service-url.defaultZone=https://localhost:" + ports.discovery() + "/eureka/",
                "--eureka.instance.hostname=localhost",
                "--server.address=127.0.0.1",
                // agents need no key: they present the grant they got (and their certificate)
                "--pacer.agent.secrets.url=https://localhost:" + ports.secrets(),
                // each task instance on the Eureka dashboard links to its app's tasks through the gateway
                "--pacer.agent.discovery.api-url=http://localhost:" + ports.gateway()));
        int firstPort = LocalStack.firstTaskPort(apiPort);
        args.add("--pacer.agent.id=" + id);
        args.add("--pacer.agent.zone=" + zone);
        // a dev machine is shared by both agents and overcommitted on purpose: room for a few apps at Marathon's default 1 cpu
        args.add("--pacer.agent.cpus=8");
        args.add("--pacer.agent.mem=8192");
        args.add("--pacer.agent.ports=" + firstPort + "-" + (firstPort + LocalStack.TASK_PORTS_PER_AGENT - 1));
        args.add("--pacer.agent.work-dir=" + options.logDir().resolveSibling("agents").resolve(id));
        return args;
    }

    private static Map<String, String> orderedMap(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

}
