package dev.pacer.gateway.apps;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one answer to "is this request app traffic by its {@code Host}?": with an apps domain,
 * {@code web.team.<domain>} names the app {@code /team/web}. Security opens exactly the hosts the
 * app-host route takes, and the route's filter routes by the same reading, so that no host can be let
 * in as app traffic and then reach the API. A host under the domain whose labels are no valid app id
 * ({@code .<domain>}, {@code a..b.<domain>}, {@code Web_1.<domain>}) is not app traffic.
 */
public final class AppHosts {

    private final String suffix;

    /** @param domain the apps domain; null or blank: no host is app traffic */
    public AppHosts(String domain) {
        this.suffix = domain == null || domain.isBlank() ? null : "." + domain.toLowerCase(Locale.ROOT);
    }

    public boolean enabled() {
        return suffix != null;
    }

    public boolean isAppHost(String hostHeader) {
        return appId(hostHeader) != null;
    }

    /** The app a {@code Host} header names ({@code web.team.apps.example.com:8080} → {@code /team/web}); null when none. */
    public AppId appId(String hostHeader) {
        if (suffix == null || hostHeader == null) {
            return null;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0 && host.indexOf(']') < colon) {
            host = host.substring(0, colon);
        }
        if (!host.endsWith(suffix) || host.length() == suffix.length()) {
            return null;
        }
        String[] labels = host.substring(0, host.length() - suffix.length()).split("\\.", -1);
        List<String> segments = new ArrayList<>(List.of(labels));
        Collections.reverse(segments);
        try {
            return new AppId(segments);
        } catch (InvalidIdException e) {
            return null;
        }
    }
}
