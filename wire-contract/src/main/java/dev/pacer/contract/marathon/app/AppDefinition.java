package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonProperty.Access;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.pacer.contract.ids.AppId;
import java.util.List;
import java.util.Map;

/**
 * A Marathon app definition, every field of reference §4, in the JSON shape of {@code /v2/apps}.
 *
 * <p>A null component means "absent". As read from a request the record holds exactly what was sent;
 * the scheduler's normaliser then fills Marathon's defaults, after which the always-written fields are
 * non-null and the omit-when-empty collections are empty rather than null.
 *
 * <p>The annotations carry Marathon's output rules (reference §1): absent optionals are not written;
 * {@code args, constraints, dependencies, env, fetch, healthChecks, readinessChecks, secrets} (and
 * {@code acceptedResourceRoles}) are not written when empty; the deprecated inputs {@code ports},
 * {@code uris} and {@code ipAddress} are read but never written. Unknown and read-only input fields
 * ({@code tasks}, {@code tasksRunning}, {@code deployments}, {@code lastTaskFailure}, ...) are ignored.
 *
 * @param id         absolute after normalisation ({@code /team/web})
 * @param env        plain values or references to {@code secrets}
 * @param check      Marathon's Mesos-level {@code check}, carried as generic JSON
 * @param ipAddress  deprecated, generic JSON, input only
 * @param pacer      Pacer's extension fields (deployment strategies), ignored by Marathon clients
 * @param version    server-set; in an update body only allowed alone (a rollback)
 */
@JsonInclude(Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"id", "cmd", "args", "user", "instances", "cpus", "mem", "disk", "gpus", "executor",
    "constraints", "acceptedResourceRoles", "role", "env", "secrets", "labels", "portDefinitions",
    "requirePorts", "networks", "container", "healthChecks", "check", "readinessChecks", "dependencies",
    "upgradeStrategy", "backoffSeconds", "backoffFactor", "maxLaunchDelaySeconds",
    "taskKillGracePeriodSeconds", "killSelection", "unreachableStrategy", "fetch", "residency",
    "executorResources", "resourceLimits", "tty", "pacer", "version", "versionInfo"})
public record AppDefinition(
        String id,
        String cmd,
        @JsonInclude(Include.NON_EMPTY) List<String> args,
        String user,
        Integer instances,
        Double cpus,
        Double mem,
        Double disk,
        Integer gpus,
        String executor,
        @JsonInclude(Include.NON_EMPTY) List<List<String>> constraints,
        @JsonInclude(Include.NON_EMPTY) List<String> acceptedResourceRoles,
        String role,
        @JsonInclude(Include.NON_EMPTY) Map<String, EnvValue> env,
        @JsonInclude(Include.NON_EMPTY) Map<String, SecretDef> secrets,
        Map<String, String> labels,
        List<PortDefinition> portDefinitions,
        @JsonProperty(access = Access.WRITE_ONLY) List<Integer> ports,
        Boolean requirePorts,
        List<Network> networks,
        Container container,
        @JsonInclude(Include.NON_EMPTY) List<HealthCheck> healthChecks,
        Map<String, Object> check,
        @JsonInclude(Include.NON_EMPTY) List<ReadinessCheck> readinessChecks,
        @JsonInclude(Include.NON_EMPTY) List<String> dependencies,
        UpgradeStrategy upgradeStrategy,
        Integer backoffSeconds,
        Double backoffFactor,
        Integer maxLaunchDelaySeconds,
        Integer taskKillGracePeriodSeconds,
        String killSelection,
        UnreachableStrategy unreachableStrategy,
        @JsonInclude(Include.NON_EMPTY) List<Artifact> fetch,
        @JsonProperty(access = Access.WRITE_ONLY) List<String> uris,
        Residency residency,
        @JsonProperty(access = Access.WRITE_ONLY) Map<String, Object> ipAddress,
        ExecutorResources executorResources,
        ResourceLimits resourceLimits,
        Boolean tty,
        PacerExtensions pacer,
        Timestamp version,
        VersionInfo versionInfo) {

    /** The label that limits an app to one instance and a stop-then-start upgrade. */
    public static final String SINGLE_INSTANCE_LABEL = "MARATHON_SINGLE_INSTANCE_APP";
    public static final String YOUNGEST_FIRST = "YOUNGEST_FIRST";
    public static final String OLDEST_FIRST = "OLDEST_FIRST";
    public static final List<String> KILL_SELECTIONS = List.of(YOUNGEST_FIRST, OLDEST_FIRST);

    public AppDefinition {
        args = Copies.list(args);
        constraints = constraints == null ? null : constraints.stream().map(Copies::list).toList();
        acceptedResourceRoles = Copies.list(acceptedResourceRoles);
        env = Copies.map(env);
        secrets = Copies.map(secrets);
        labels = Copies.map(labels);
        portDefinitions = Copies.list(portDefinitions);
        ports = Copies.list(ports);
        networks = Copies.list(networks);
        healthChecks = Copies.list(healthChecks);
        check = Copies.map(check);
        readinessChecks = Copies.list(readinessChecks);
        dependencies = Copies.list(dependencies);
        fetch = Copies.list(fetch);
        uris = Copies.list(uris);
        ipAddress = Copies.map(ipAddress);
    }

    public static AppDefinitionBuilder builder() {
        return new AppDefinitionBuilder();
    }

    public AppDefinitionBuilder toBuilder() {
        return new AppDefinitionBuilder(this);
    }

    /** The typed id; throws {@code InvalidIdException} for an id that failed validation. */
    @JsonIgnore
    public AppId appId() {
        return AppId.parse(id);
    }

    /** True unless a non-host network is declared (no networks at all means host networking). */
    @JsonIgnore
    public boolean isHostNetworking() {
        return networks == null || networks.isEmpty() || networks.stream().allMatch(Network::isHost);
    }

    /** True when the {@code MARATHON_SINGLE_INSTANCE_APP} label is {@code "true"}. */
    @JsonIgnore
    public boolean isSingleInstance() {
        return labels != null && "true".equals(labels.get(SINGLE_INSTANCE_LABEL));
    }

    /** The app's ports in index order: container port mappings with container networking, else port definitions. */
    @JsonIgnore
    public int portCount() {
        if (!isHostNetworking() && container != null && container.portMappings() != null) {
            return container.portMappings().size();
        }
        return portDefinitions == null ? 0 : portDefinitions.size();
    }

    /** Names of the app's ports (those that have one), from port mappings or port definitions as above. */
    @JsonIgnore
    public List<String> portNames() {
        if (!isHostNetworking() && container != null && container.portMappings() != null) {
            return container.portMappings().stream().map(PortMapping::name).filter(n -> n != null).toList();
        }
        return portDefinitions == null ? List.of()
                : portDefinitions.stream().map(PortDefinition::name).filter(n -> n != null).toList();
    }
}
