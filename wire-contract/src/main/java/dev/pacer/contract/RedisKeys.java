package dev.pacer.contract;

import dev.pacer.contract.ids.AppId;

/**
 * The Redis keys and channel names of the scheduler, the agents and the gateway, built here; health-service's
 * are in {@link dev.pacer.contract.health.HealthKeys} and secrets-service's in
 * {@link dev.pacer.contract.secrets.SecretKeys}, on the same rules (no key is built anywhere else).
 *
 * <p>Keys carry a layout version ({@code pacer:v1:}) so a future layout can live beside this one
 * during an upgrade, and a hash tag ({@code {...}}) so that a record and its indexes land in one
 * Redis Cluster slot and can be changed in one transaction or script.
 */
public final class RedisKeys {

    public static final String PREFIX = "pacer:v1:";

    /** Pub/sub channel on which instances announce that they are alive or leaving. */
    public static final String MEMBERSHIP_CHANNEL = PREFIX + "members";

    /** Sorted set of every registered agent: member = agent id, score = last heartbeat (epoch ms). */
    public static final String AGENTS = PREFIX + "agents";

    /**
     * Stream of task status updates appended by agents ({@link dev.pacer.contract.task.TaskStatus} as
     * JSON in the entry field {@code status}); read by the scheduler's consumer group
     * {@link #TASK_STATUS_GROUP} with acknowledgements, so no update is lost while no scheduler runs.
     */
    public static final String TASK_STATUS_STREAM = PREFIX + "task-status";
    public static final String TASK_STATUS_GROUP = "scheduler";
    public static final String TASK_STATUS_FIELD = "status";

    /** Sorted set of every app id (score 0: ordered by id, so a group prefix is a ZRANGEBYLEX range). */
    public static final String APPS = PREFIX + "apps";

    /** Sorted set of the ids of apps with tasks waiting to be launched ({@code /v2/queue}). */
    public static final String QUEUE = PREFIX + "queue";

    /** Set of the service ports assigned to apps' port definitions, unique across the cluster. */
    public static final String SERVICE_PORTS = PREFIX + "service-ports";

    /**
     * Stream of every event in Marathon's shape, the durable log {@code /v2/events} serves and resumes from
     * (entry ids are the SSE {@code id:}s). Entry fields: {@link #EVENT_TYPE_FIELD} (the {@code eventType}),
     * {@link #EVENT_APPS_FIELD} (the app ids the event concerns, comma-separated; empty: no app) and
     * {@link #EVENT_FIELD} (the event JSON, at most {@link #EVENT_MAX_BYTES}). Trimmed by length and age.
     */
    public static final String EVENT_STREAM = PREFIX + "event-stream";
    public static final String EVENT_TYPE_FIELD = "type";
    public static final String EVENT_APPS_FIELD = "apps";
    public static final String EVENT_FIELD = "event";
    /** The largest event JSON the stream carries, in UTF-8 bytes (DESIGN wall 4). */
    public static final int EVENT_MAX_BYTES = 4096;

    /** Pub/sub channel carrying an app id whose {@link #appTrafficDenied} set changed. */
    public static final String TRAFFIC = PREFIX + "traffic";

    /** Pub/sub channel carrying an app id whose state changed: wakes its reconciler early (a hint only). */
    public static final String APP_HINTS = PREFIX + "app-hints";

    private RedisKeys() {
    }

    /** String: the app's current definition (JSON, with {@code version} and {@code versionInfo}). */
    public static String app(AppId app) {
        return PREFIX + "app:{" + app + "}";
    }

    /** Sorted set of the app's stored versions: member = version timestamp, score = epoch ms. */
    public static String appVersions(AppId app) {
        return app(app) + ":versions";
    }

    /** String: the app's definition as it was at {@code version}. */
    public static String appVersion(AppId app, String version) {
        return app(app) + ":version:" + version;
    }

    /** Set of the ids of the app's tasks that have a record. */
    public static String appTasks(AppId app) {
        return app(app) + ":tasks";
    }

    /** String: one task's record (JSON). In the app's slot, so app, index and tasks change together. */
    public static String task(AppId app, String taskId) {
        return app(app) + ":task:" + taskId;
    }

    /**
     * Set of app versions whose tasks must get no traffic (their discovery status is OUT_OF_SERVICE
     * while it is set): a blue-green deployment holds its new set out until the switch, then the old
     * set. Written by the scheduler; changes are announced on {@link #TRAFFIC}.
     */
    public static String appTrafficDenied(AppId app) {
        return app(app) + ":traffic-denied";
    }

    /**
     * Hash of the readiness check results of the app's tasks: field {@code <taskId>#<index>}, value =
     * JSON {@code {name, taskId, ready, lastResponse}}. A task's result stays once it is ready.
     */
    public static String appReadiness(AppId app) {
        return app(app) + ":readiness";
    }

    /** Hash: launch backoff of the app ({@code failures}, {@code delayUntil} epoch ms). */
    public static String appBackoff(AppId app) {
        return app(app) + ":backoff";
    }

    /** String: the app's last task failure (JSON, Marathon's {@code lastTaskFailure}); deleted with the app. */
    public static String appLastTaskFailure(AppId app) {
        return app(app) + ":last-task-failure";
    }

    /** String: the app's launch-queue entry (JSON: missing count, since, decline reasons). */
    public static String appQueue(AppId app) {
        return app(app) + ":queue";
    }

    /** Set of the ids of the tasks placed on an agent (to find them when the agent is lost). */
    public static String agentTasks(String agentId) {
        return agent(agentId) + ":tasks";
    }

    /**
     * Hash of one agent: field {@code info} = {@link dev.pacer.contract.agent.AgentInfo} JSON (written by
     * the agent); {@code state} = {@link dev.pacer.contract.agent.AgentState} (written by the scheduler);
     * {@code used.cpus}, {@code used.mem}, {@code used.disk} = resources claimed by placed tasks
     * (changed only by the claim and release scripts).
     */
    public static String agent(String agentId) {
        return PREFIX + "agent:{" + agentId + "}";
    }

    /** Set of the host ports of an agent claimed by tasks. */
    public static String agentPorts(String agentId) {
        return agent(agentId) + ":ports";
    }

    /** Hash of an agent's claims: field = task id, value = JSON {@code {"cpus","mem","disk","ports":[..]}}. */
    public static String agentClaims(String agentId) {
        return agent(agentId) + ":claims";
    }

    /** Sorted set of live instances of one service: member = instance id, score = lease expiry (epoch ms). */
    public static String members(ServiceName service) {
        return PREFIX + "members:{" + service.id() + "}";
    }

    /** String holding the instance id that owns scheduler shard {@code shard}; expires with the lease. */
    public static String shardOwner(int shard) {
        return PREFIX + "shard:{" + shard + "}:owner";
    }

    /**
     * Sorted set of scheduler instances that gave up their shards ({@code DELETE /v2/leader}) and
     * take none until the score (epoch ms): the others size their fair share without them.
     */
    public static final String SHARD_ABSTAINERS = PREFIX + "shard-abstainers";

    /** Set of the ids of the apps in one shard: what the shard's holder resyncs. */
    public static String shardApps(int shard) {
        return PREFIX + "shard:{" + shard + "}:apps";
    }

    /** Counter incremented on every change of owner of a shard: the fencing token of its lease. */
    public static String shardEpoch(int shard) {
        return PREFIX + "shard:{" + shard + "}:epoch";
    }

    /**
     * Hash of the app locks of running deployments: field = app id, value = deployment id. Locks,
     * the deployment index and deployment records share one hash tag so that starting, advancing
     * and finishing a deployment is one script.
     */
    public static final String DEPLOYMENT_LOCKS = PREFIX + "{deployments}:locks";

    /** Sorted set of running deployment ids, score = start (epoch ms). */
    public static final String DEPLOYMENTS = PREFIX + "{deployments}:index";

    /**
     * Hash of one running deployment: {@code plan} = the plan JSON (app ids and target versions,
     * never definitions), {@code step} = the current step (1-based).
     */
    public static String deployment(String id) {
        return PREFIX + "{deployments}:d:" + id;
    }

    /** Set of the apps whose action of {@code step} is done in deployment {@code id}. */
    public static String deploymentDone(String id, int step) {
        return deployment(id) + ":done:" + step;
    }

    /** Sorted set of explicitly created groups (score 0, ordered by id like {@link #APPS}). */
    public static final String GROUPS = PREFIX + "groups";

    /** String: an explicit group's own fields (JSON: id, dependencies). Its apps are found by id prefix. */
    public static String group(AppId group) {
        return PREFIX + "group:{" + group + "}";
    }

    /** Sorted set of a group's stored versions: member = version timestamp, score = epoch ms. */
    public static String groupVersions(AppId group) {
        return group(group) + ":versions";
    }

    /**
     * String: a group as it was at {@code version} — the version of every app in it and its
     * groups' dependencies (references, never app definitions).
     */
    public static String groupVersion(AppId group, String version) {
        return group(group) + ":version:" + version;
    }
}
