package dev.pacer.contract.discovery;

import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.ids.AppId;
import java.util.Locale;

/**
 * How app instances (running tasks) appear in Eureka, shared by the agent that registers them and the
 * gateway that routes to them: the Eureka app name of an app, the metadata keys of an instance, and the
 * Redis pub/sub channel on which an agent announces that it changed an instance.
 *
 * <p>Eureka holds the truth; a message on {@link #INSTANCE_CHANGES} is only a hint that makes the
 * gateway re-read one app at once instead of at its next periodic resync.
 */
public final class AppDiscovery {

    /** Pub/sub channel carrying {@link InstanceChange} JSON after every successful change in Eureka. */
    public static final String INSTANCE_CHANGES = RedisKeys.PREFIX + "discovery-changes";

    /** Every app's Eureka app name starts with this (control-plane services never do). */
    public static final String APP_NAME_PREFIX = "APP-";

    /** Instance metadata: the Marathon app id ({@code /team/web}). */
    public static final String META_APP_ID = "pacer.appId";
    /** Instance metadata: the app version the task runs. */
    public static final String META_APP_VERSION = "pacer.appVersion";
    /** Instance metadata: the agent's fault zone. */
    public static final String META_ZONE = "zone";
    /** Instance metadata: the agent that runs the task. */
    public static final String META_AGENT_ID = "pacer.agentId";

    private AppDiscovery() {
    }

    /**
     * The Eureka app name of an app: {@code /team/web} is {@code APP-TEAM_WEB}. Exact and reversible
     * (segments are lower case and never contain {@code _}), and a valid Eureka name and VIP address.
     */
    public static String eurekaAppName(AppId app) {
        return APP_NAME_PREFIX + app.safeId().toUpperCase(Locale.ROOT);
    }

    /** The inverse of {@link #eurekaAppName}; null for a name that is not an app's. */
    public static AppId appIdOf(String eurekaAppName) {
        if (eurekaAppName == null || !eurekaAppName.toUpperCase(Locale.ROOT).startsWith(APP_NAME_PREFIX)) {
            return null;
        }
        return AppId.fromSafeId(eurekaAppName.substring(APP_NAME_PREFIX.length()).toLowerCase(Locale.ROOT));
    }
}
