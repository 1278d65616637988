package dev.pacer.boot.limits;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what one request may make a service read, the same on every service and the gateway.
 *
 * @param maxBodySize         largest request body; a larger one is a 413 (on {@code Content-Length} before
 *                            anything is read, on the bytes counted while a chunked body streams in); also
 *                            the JSON parser's document length limit
 * @param bodyReadTimeout     time from the start of a request until its body must have arrived completely;
 *                            a slower one is a 408 (servlet services also take it as Tomcat's
 *                            {@code connection-timeout}: no single read waits longer)
 * @param maxJsonDepth        deepest nesting of JSON arrays and objects in any body the service parses
 * @param maxJsonStringLength longest JSON string value, in characters
 * @param maxJsonNameLength   longest JSON object key, in characters
 * @param maxAppsPerRequest   most apps one bulk ({@code PUT/PATCH /v2/apps}) or group request may hold,
 *                            counted over every nested group (422 beyond)
 * @param maxIdLength         longest app or group id, in characters (422 beyond)
 * @param maxUriLength        longest request URI (path and query), in characters: a JSON 414 beyond (the
 *                            HTTP codecs of every service accept request lines up to 64 KiB, so that this
 *                            answer comes from here; beyond 64 KiB the codec answers without a body)
 * @param unlimitedPaths      path prefixes whose bodies are streamed through without these limits (the
 *                            gateway's app traffic, {@code /apps/}); none by default
 */
@ConfigurationProperties(RequestLimitsProperties.PREFIX)
public record RequestLimitsProperties(
        @DefaultValue("4MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyReadTimeout,
        @DefaultValue("100") int maxJsonDepth,
        @DefaultValue("1048576") int maxJsonStringLength,
        @DefaultValue("1024") int maxJsonNameLength,
        @DefaultValue("1000") int maxAppsPerRequest,
        @DefaultValue("512") int maxIdLength,
        @DefaultValue("8192") int maxUriLength,
        List<String> unlimitedPaths) {

    public static final String PREFIX = "pacer.limits";

    public RequestLimitsProperties {
        unlimitedPaths = unlimitedPaths == null ? List.of() : List.copyOf(unlimitedPaths);
        require(maxBodySize.toBytes() > 0, "max-body-size");
        require(!bodyReadTimeout.isNegative() && !bodyReadTimeout.isZero(), "body-read-timeout");
        require(maxJsonDepth > 0, "max-json-depth");
        require(maxJsonStringLength > 0, "max-json-string-length");
        require(maxJsonNameLength > 0, "max-json-name-length");
        require(maxAppsPerRequest > 0, "max-apps-per-request");
        require(maxIdLength > 0, "max-id-length");
        require(maxUriLength > 0, "max-uri-length");
    }

    /** The defaults, for code and tests outside Spring. */
    public static RequestLimitsProperties defaults() {
        return new RequestLimitsProperties(DataSize.ofMegabytes(4), Duration.ofSeconds(10), 100, 1_048_576, 1024,
                1000, 512, 8192, List.of());
    }

    /** The 414 for a request URI (path and query, as sent) over {@link #maxUriLength}; null when within. */
    public String uriTooLong(String rawPath, String rawQuery) {
        int length = rawPath.length() + (rawQuery == null ? 0 : rawQuery.length() + 1);
        return length > maxUriLength ? "Request URI is longer than the limit of " + maxUriLength + " characters" : null;
    }

    /** Whether a request to {@code path} is exempt from the body limits. */
    public boolean isUnlimited(String path) {
        return unlimitedPaths.stream().anyMatch(path::startsWith);
    }

    private static void require(boolean ok, String property) {
        if (!ok) {
            throw new IllegalArgumentException(PREFIX + "." + property + " must be positive");
        }
    }
}
