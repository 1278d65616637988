package dev.pacer.gateway.route;

import java.util.Set;

/** The ids of the gateway's routes, for the filters that apply to some of them only. */
public final class RouteIds {

    public static final String MARATHON_API = "marathon-api";
    public static final String SECRETS_API = "secrets-api";
    public static final String HEALTH_API = "health-api";
    public static final String APP_TRAFFIC = "app-traffic";
    public static final String APP_HOST_TRAFFIC = "app-host-traffic";

    /** The control-plane APIs (as opposed to app traffic). */
    public static final Set<String> CONTROL_PLANE = Set.of(MARATHON_API, SECRETS_API, HEALTH_API);

    private RouteIds() {
    }
}
