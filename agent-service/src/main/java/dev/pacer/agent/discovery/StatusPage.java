package dev.pacer.agent.discovery;

import dev.pacer.contract.ApiPaths;
import dev.pacer.contract.ids.AppId;
import java.net.URI;

/** Where a task instance's link on the Eureka dashboard (its {@code statusPageUrl}) points. */
final class StatusPage {

    private StatusPage() {
    }

    /**
     * The task's app in the Marathon API ({@code <api>/v2/apps/<app id>/tasks}) when the API's public URL is
     * known; else the task's own address ({@code http://host:port/}); null when it has no port either.
     */
    static String url(URI api, AppId app, String host, int port) {
        if (api != null) {
            String base = api.toString().replaceAll("/+$", "");
            return base + ApiPaths.V2_APPS + app + "/tasks";
        }
        return port > 0 ? "http://" + host + ":" + port + "/" : null;
    }
}
