package dev.pacer.gateway.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per principal (a Basic user name, known or not) and per client address, in
 * fixed windows that start at the first failure. Once either has reached its limit, further attempts
 * wait for the end of the window and are refused without a password check (each check costs a bcrypt).
 * In memory, per gateway instance; each map holds at most {@code maxTracked} entries: when full, expired
 * entries are dropped, and a key that still does not fit is not tracked (its address still is).
 */
final class LoginThrottle {

    private record Window(long startMillis, int failures) {
    }

    private final SecurityProperties.Throttle settings;
    private final Clock clock;
    private final Map<String, Window> principals = new ConcurrentHashMap<>();
    private final Map<String, Window> addresses = new ConcurrentHashMap<>();

    LoginThrottle(SecurityProperties.Throttle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * How long the attempt must wait; {@link Duration#ZERO} when it may be checked.
     *
     * @param principal the user name tried, or null (tokens, JWTs)
     * @param address   the client address, or null when unknown
     */
    Duration blockedFor(String principal, String address) {
        long now = clock.millis();
        Duration wait = blocked(principals, key(principal), settings.perPrincipal(), now);
        Duration byAddress = blocked(addresses, address, settings.perAddress(), now);
        return byAddress.compareTo(wait) > 0 ? byAddress : wait;
    }

    void failed(String principal, String address) {
        long now = clock.millis();
        count(principals, key(principal), now);
        count(addresses, address, now);
    }

    private Duration blocked(Map<String, Window> windows, String key, int limit, long now) {
        if (key == null) {
            return Duration.ZERO;
        }
        Window window = windows.get(key);
        if (window == null || window.failures() < limit) {
            return Duration.ZERO;
        }
        long left = window.startMillis() + settings.window().toMillis() - now;
        return left > 0 ? Duration.ofMillis(left) : Duration.ZERO;
    }

    private void count(Map<String, Window> windows, String key, long now) {
        if (key == null) {
            return;
        }
        if (windows.size() >= settings.maxTracked() && !windows.containsKey(key)) {
            windows.values().removeIf(w -> expired(w, now));
            if (windows.size() >= settings.maxTracked()) {
                return;
            }
        }
        windows.compute(key, (k, w) -> w == null || expired(w, now) ? new Window(now, 1) : new Window(w.startMillis(), w.failures() + 1));
    }

    private boolean expired(Window window, long now) {
        return now - window.startMillis() >= settings.window().toMillis();
    }

    /** Short names as they are; a long one (it can be any header's length) as its SHA-256. */
    private static String key(String principal) {
        if (principal == null || principal.length() <= 64) {
            return principal;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(principal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
