package dev.pacer.contract.health;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;

/** Redis keys and channels of task health (layout beside {@link RedisKeys}, same prefix and hash tags). */
public final class HealthKeys {

    /** Pub/sub channel carrying {@link HealthTransition} JSON. */
    public static final String TRANSITIONS = RedisKeys.PREFIX + "health-transitions";

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
