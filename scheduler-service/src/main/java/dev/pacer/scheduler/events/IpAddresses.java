package dev.pacer.scheduler.events;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Marathon's {@code ipAddresses} of a task ({@code [{"ipAddress","protocol"}]}) from the host the
 * scheduler knows, without resolving anything: an IPv4 or IPv6 literal is the task's address; a name is
 * none ({@code []}): agents register a host name only, and a lookup per event would put DNS in the
 * event path.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "^((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^\\[?[0-9A-Fa-f:.]+(%[0-9A-Za-z]+)?]?$");

    private IpAddresses() {
    }

    public static List<Map<String, String>> of(String host) {
        if (host == null || host.isEmpty()) {
            return List.of();
        }
        if (IPV4.matcher(host).matches()) {
            return List.of(Map.of("ipAddress", host, "protocol", "IPv4"));
        }
        if (host.indexOf(':') >= 0 && IPV6_CHARS.matcher(host).matches()) {
            try {
                // a string with ':' is parsed as an IPv6 literal, never looked up
                InetAddress address = InetAddress.getByName(host);
                if (address instanceof Inet6Address) {
                    String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                    return List.of(Map.of("ipAddress", literal, "protocol", "IPv6"));
                }
            } catch (UnknownHostException e) {
                return List.of();
            }
        }
        return List.of();
    }
}
