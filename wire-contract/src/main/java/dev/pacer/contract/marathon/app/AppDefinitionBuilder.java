package dev.pacer.contract.marathon.app;

import java.util.List;
import java.util.Map;

/**
 * Builds an {@link AppDefinition}, one setter per component; {@link AppDefinition#toBuilder()} starts
 * from an existing definition (e.g. {@code app.toBuilder().instances(3).build()}).
 */
public final class AppDefinitionBuilder {

    private String id;
    private String cmd;
    private List<String> args;
    private String user;
    private Integer instances;
    private Double cpus;
    private Double mem;
    private Double disk;
    private Integer gpus;
    private String executor;
    private List<List<String>> constraints;
    private List<String> acceptedResourceRoles;
    private String role;
    private Map<String, EnvValue> env;
    private Map<String, SecretDef> secrets;
    private Map<String, String> labels;
    private List<PortDefinition> portDefinitions;
    private List<Integer> ports;
    private Boolean requirePorts;
    private List<Network> networks;
    private Container container;
    private List<HealthCheck> healthChecks;
    private Map<String, Object> check;
    private List<ReadinessCheck> readinessChecks;
    private List<String> dependencies;
    private UpgradeStrategy upgradeStrategy;
    private Integer backoffSeconds;
    private Double backoffFactor;
    private Integer maxLaunchDelaySeconds;
    private Integer taskKillGracePeriodSeconds;
    private String killSelection;
    private UnreachableStrategy unreachableStrategy;
    private List<Artifact> fetch;
    private List<String> uris;
    private Residency residency;
    private PacerExtensions pacer;
    private Map<String, Object> ipAddress;
    private ExecutorResources executorResources;
    private ResourceLimits resourceLimits;
    private Boolean tty;
    private Timestamp version;
    private VersionInfo versionInfo;

    AppDefinitionBuilder() {
    }

    AppDefinitionBuilder(AppDefinition app) {
        this.id = app.id();
        this.cmd = app.cmd();
        this.args = app.args();
        this.user = app.user();
        this.instances = app.instances();
        this.cpus = app.cpus();
        this.mem = app.mem();
        this.disk = app.disk();
        this.gpus = app.gpus();
        this.executor = app.executor();
        this.constraints = app.constraints();
        this.acceptedResourceRoles = app.acceptedResourceRoles();
        this.role = app.role();
        this.env = app.env();
        this.secrets = app.secrets();
        this.labels = app.labels();
        this.portDefinitions = app.portDefinitions();
        this.ports = app.ports();
        this.requirePorts = app.requirePorts();
        this.networks = app.networks();
        this.container = app.container();
        this.healthChecks = app.healthChecks();
        this.check = app.check();
        this.readinessChecks = app.readinessChecks();
        this.dependencies = app.dependencies();
        this.upgradeStrategy = app.upgradeStrategy();
        this.backoffSeconds = app.backoffSeconds();
        this.backoffFactor = app.backoffFactor();
        this.maxLaunchDelaySeconds = app.maxLaunchDelaySeconds();
        this.taskKillGracePeriodSeconds = app.taskKillGracePeriodSeconds();
        this.killSelection = app.killSelection();
        this.unreachableStrategy = app.unreachableStrategy();
        this.fetch = app.fetch();
        this.uris = app.uris();
        this.residency = app.residency();
        this.pacer = app.pacer();
        this.ipAddress = app.ipAddress();
        this.executorResources = app.executorResources();
        this.resourceLimits = app.resourceLimits();
        this.tty = app.tty();
        this.version = app.version();
        this.versionInfo = app.versionInfo();
    }

    public AppDefinitionBuilder id(String value) { id = value; return this; }
    public AppDefinitionBuilder cmd(String value) { cmd = value; return this; }
    public AppDefinitionBuilder args(List<String> value) { args = value; return this; }
    public AppDefinitionBuilder user(String value) { user = value; return this; }
    public AppDefinitionBuilder instances(Integer value) { instances = value; return this; }
    public AppDefinitionBuilder cpus(Double value) { cpus = value; return this; }
    public AppDefinitionBuilder mem(Double value) { mem = value; return this; }
    public AppDefinitionBuilder disk(Double value) { disk = value; return this; }
    public AppDefinitionBuilder gpus(Integer value) { gpus = value; return this; }
    public AppDefinitionBuilder executor(String value) { executor = value; return this; }
    public AppDefinitionBuilder constraints(List<List<String>> value) { constraints = value; return this; }
    public AppDefinitionBuilder acceptedResourceRoles(List<String> value) { acceptedResourceRoles = value; return this; }
    public AppDefinitionBuilder role(String value) { role = value; return this; }
    public AppDefinitionBuilder env(Map<String, EnvValue> value) { env = value; return this; }
    public AppDefinitionBuilder secrets(Map<String, SecretDef> value) { secrets = value; return this; }
    public AppDefinitionBuilder labels(Map<String, String> value) { labels = value; return this; }
    public AppDefinitionBuilder portDefinitions(List<PortDefinition> value) { portDefinitions = value; return this; }
    public AppDefinitionBuilder ports(List<Integer> value) { ports = value; return this; }
    public AppDefinitionBuilder requirePorts(Boolean value) { requirePorts = value; return this; }
    public AppDefinitionBuilder networks(List<Network> value) { networks = value; return this; }
    public AppDefinitionBuilder container(Container value) { container = value; return this; }
    public AppDefinitionBuilder healthChecks(List<HealthCheck> value) { healthChecks = value; return this; }
    public AppDefinitionBuilder check(Map<String, Object> value) { check = value; return this; }
    public AppDefinitionBuilder readinessChecks(List<ReadinessCheck> value) { readinessChecks = value; return this; }
    public AppDefinitionBuilder dependencies(List<String> value) { dependencies = value; return this; }
    public AppDefinitionBuilder upgradeStrategy(UpgradeStrategy value) { upgradeStrategy = value; return this; }
    public AppDefinitionBuilder backoffSeconds(Integer value) { backoffSeconds = value; return this; }
    public AppDefinitionBuilder backoffFactor(Double value) { backoffFactor = value; return this; }
    public AppDefinitionBuilder maxLaunchDelaySeconds(Integer value) { maxLaunchDelaySeconds = value; return this; }
    public AppDefinitionBuilder taskKillGracePeriodSeconds(Integer value) { taskKillGracePeriodSeconds = value; return this; }
    public AppDefinitionBuilder killSelection(String value) { killSelection = value; return this; }
    public AppDefinitionBuilder unreachableStrategy(UnreachableStrategy value) { unreachableStrategy = value; return this; }
    public AppDefinitionBuilder fetch(List<Artifact> value) { fetch = value; return this; }
    public AppDefinitionBuilder uris(List<String> value) { uris = value; return this; }
    public AppDefinitionBuilder residency(Residency value) { residency = value; return this; }
    public AppDefinitionBuilder pacer(PacerExtensions value) { pacer = value; return this; }
    public AppDefinitionBuilder ipAddress(Map<String, Object> value) { ipAddress = value; return this; }
    public AppDefinitionBuilder executorResources(ExecutorResources value) { executorResources = value; return this; }
    public AppDefinitionBuilder resourceLimits(ResourceLimits value) { resourceLimits = value; return this; }
    public AppDefinitionBuilder tty(Boolean value) { tty = value; return this; }
    public AppDefinitionBuilder version(Timestamp value) { version = value; return this; }
    public AppDefinitionBuilder versionInfo(VersionInfo value) { versionInfo = value; return this; }

    public AppDefinition build() {
        return new AppDefinition(
                id, cmd, args, user, instances, cpus, mem, disk, gpus, executor, constraints,
                acceptedResourceRoles, role, env, secrets, labels, portDefinitions, ports, requirePorts,
                networks, container, healthChecks, check, readinessChecks, dependencies, upgradeStrategy,
                backoffSeconds, backoffFactor, maxLaunchDelaySeconds, taskKillGracePeriodSeconds,
                killSelection, unreachableStrategy, fetch, uris, residency, ipAddress, executorResources,
                resourceLimits, tty, pacer, version, versionInfo);
    }
}
