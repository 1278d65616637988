package dev.pacer.contract.health;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The URI of an HTTP(S) health or readiness probe of a task, built from its parts: scheme, the task's
 * host, the task's port, and the check's path. The path can only ever be the path (and query): one that
 * does not start with {@code /} gets one, so {@code "@169.254.169.254/x"} asks the task for
 * {@code /@169.254.169.254/x} instead of turning into another host; characters that may not appear in a
 * path or query (spaces, control characters, {@code #}, non-ASCII, ...) are percent-encoded, escapes
 * already there are kept. The result is checked to address exactly {@code host:port}.
 */
public final class ProbeUri {

    private static final String ALLOWED = "-._~!$&'()*+,;=:@/?";

    private ProbeUri() {
    }

    /**
     * @param https  HTTPS instead of HTTP
     * @param host   the task's host name or IP address (IPv6 with or without brackets)
     * @param port   the task's port
     * @param path   the check's path ({@code null} or empty: {@code /})
     * @throws IllegalArgumentException for a host or port that makes no URI
     */
    public static URI of(boolean https, String host, int port, String path) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        URI base;
        try {
            base = new URI(https ? "https" : "http", null, bare, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("no probe URI for host " + host + " and port " + port, e);
        }
        URI uri = URI.create(base + encodedPath(path));
        if (uri.getHost() == null || !uri.getHost().equals(base.getHost()) || uri.getPort() != port) {
            throw new IllegalArgumentException("no probe URI for host " + host + " and port " + port);
        }
        return uri;
    }

    /** The path as it goes on the request line: starting with {@code /}, every character legal. */
    static String encodedPath(String path) {
        String p = path == null || path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path;
        StringBuilder out = new StringBuilder(p.length() + 8);
        byte[] bytes = p.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (isLegal(b) || b == '%' && i + 2 < bytes.length && isHex(bytes[i + 1]) && isHex(bytes[i + 2])) {
                out.append((char) b);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static boolean isLegal(int b) {
        return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b < 0x80 && ALLOWED.indexOf(b) >= 0;
    }

    private static boolean isHex(byte b) {
        return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F';
    }
}
