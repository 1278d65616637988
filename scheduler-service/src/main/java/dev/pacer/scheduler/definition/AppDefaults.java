package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.PortDefinition;
import java.util.List;

/** Marathon 1.11's defaults for an app definition (reference §4, §4.2, §4.3), in one place. */
final class AppDefaults {

    public static final int INSTANCES = 1;
    public static final double CPUS = 1.0;
    public static final double MEM = 128.0;
    public static final double DISK = 0.0;
    public static final int GPUS = 0;
    public static final String EXECUTOR = "";
    public static final String ROLE = "*";
    public static final int BACKOFF_SECONDS = 1;
    public static final double BACKOFF_FACTOR = 1.15;
    public static final int MAX_LAUNCH_DELAY_SECONDS = 300;
    public static final double MINIMUM_HEALTH_CAPACITY = 1.0;
    public static final double MAXIMUM_OVER_CAPACITY = 1.0;
    /** Resident apps (with {@code residency}) default to {0.5, 0}. */
    public static final double RESIDENT_MINIMUM_HEALTH_CAPACITY = 0.5;
    public static final long UNREACHABLE_INACTIVE_AFTER_SECONDS = 0;
    public static final long UNREACHABLE_EXPUNGE_AFTER_SECONDS = 0;
    public static final String PORT_PROTOCOL = "tcp";
    public static final String DEFAULT_PORT_NAME = "default";
    /** Used when an app with host networking gives neither {@code ports} nor {@code portDefinitions}. */
    public static final List<PortDefinition> PORT_DEFINITIONS =
            List.of(new PortDefinition(0, PORT_PROTOCOL, DEFAULT_PORT_NAME, null));

    public static final int HEALTH_GRACE_PERIOD_SECONDS = 300;
    public static final int HEALTH_INTERVAL_SECONDS = 60;
    public static final int HEALTH_TIMEOUT_SECONDS = 20;
    public static final int HEALTH_MAX_CONSECUTIVE_FAILURES = 3;
    public static final int HEALTH_DELAY_SECONDS = 15;
    public static final String HEALTH_PATH = "/";

    public static final String READINESS_NAME = "readinessCheck";
    public static final String READINESS_PROTOCOL = "HTTP";
    public static final String READINESS_PATH = "/";
    public static final String READINESS_PORT_NAME = "http-api";
    public static final int READINESS_INTERVAL_SECONDS = 30;
    public static final int READINESS_TIMEOUT_SECONDS = 10;
    public static final List<Integer> READINESS_STATUS_CODES = List.of(200);

    public static final long RESIDENCY_RELAUNCH_ESCALATION_TIMEOUT_SECONDS = 3600;
    public static final String RESIDENCY_TASK_LOST_BEHAVIOR = "WAIT_FOREVER";

    private AppDefaults() {
    }
}
