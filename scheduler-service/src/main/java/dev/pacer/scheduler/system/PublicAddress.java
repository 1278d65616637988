package dev.pacer.scheduler.system;

import java.util.Optional;

/**
 * The address Marathon clients reach this API at: behind the gateway, the gateway's (from the
 * {@code X-Forwarded-Host}/{@code -Port}/{@code -Proto} it adds); without it, this instance's own. Marathon
 * reports the address a client should talk to as {@code leader} and in {@code http_config}.
 * Of a header with several values only the last is read: the one the nearest proxy (the gateway) appended.
 *
 * @param authority {@code host:port}
 * @param port      the port of {@code authority}
 * @param https     the client spoke HTTPS to it
 */
public record PublicAddress(String authority, int port, boolean https) {

    /** From the forwarding headers; empty when there are none or they do not name a port. */
    public static Optional<PublicAddress> forwarded(String host, String port, String proto) {
        String h = last(host);
        if (h == null) {
            return Optional.empty();
        }
        boolean https = "https".equalsIgnoreCase(last(proto));
        int colon = h.lastIndexOf(':');
        boolean hasPort = colon > 0 && colon > h.lastIndexOf(']');
        String p = hasPort ? h.substring(colon + 1) : last(port);
        try {
            int number = p == null ? (https ? 443 : 80) : Integer.parseInt(p);
            if (number < 1 || number > 65535) {
                return Optional.empty();
            }
            return Optional.of(new PublicAddress((hasPort ? h.substring(0, colon) : h) + ":" + number, number, https));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String last(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] values = header.split(",");
        String value = values[values.length - 1].trim();
        return value.isEmpty() ? null : value;
    }
}
