package dev.pacer.contract.health;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;

/** Redis keys and channels of task health (layout beside {@link RedisKeys}, same prefix and hash tags). */
public final class HealthKeys {

    /** Pub/sub channel carrying {@link HealthTransition} JSON. */
    public static final String TRANSITIONS = RedisKeys.PREFIX + "health-transitions";

    /**
     * Hash of each health-service instance's own figures: field = instance id, value =
     * {@link CheckerStats} JSON. Read by the scheduler's kill brake (the cluster-wide unhealthy share);
     * an entry older than a few stats intervals belongs to a dead instance and is ignored.
     */
    public static final String CHECKER_STATS = RedisKeys.PREFIX + "health-checkers";

    /** Counter of health kills of the whole cluster in one rate-limit window (expires with it). */
    public static String clusterKills(long window) {
        return RedisKeys.PREFIX + "health-kills:" + window;
    }

    /** Counter of health kills of one app in one rate-limit window (in the app's slot; expires with it). */
    public static String appKills(AppId app, long window) {
        return RedisKeys.app(app) + ":health-kills:" + window;
    }

    private HealthKeys() {
    }

    /**
     * Hash of the current health of the app's tasks: field {@link #field(String, int)}, value =
     * {@link HealthResult} JSON. In the app's slot; fields of a task are removed when the task ends.
     */
    public static String taskHealth(AppId app) {
        return RedisKeys.app(app) + ":health";
    }

    /** Field of one check of one task in {@link #taskHealth}: {@code <taskId>#<checkIndex>}. */
    public static String field(String taskId, int checkIndex) {
        return taskId + "#" + checkIndex;
    }

    /** The task id part of a {@link #field} (everything before the last {@code #}). */
    public static String taskIdOf(String field) {
        int hash = field.lastIndexOf('#');
        return hash < 0 ? field : field.substring(0, hash);
    }
}
