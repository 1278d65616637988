package dev.pacer.testsupport;

/**
 * The Redis that integration tests talk to: the server named by {@code REDIS_URL} when it is set,
 * otherwise one embedded redis-server per test JVM, started on first use.
 *
 * <p>With Spring: {@code registry.add("spring.data.redis.url", TestRedis::url)} in a
 * {@code @DynamicPropertySource}.
 */
public final class TestRedis {

    private static String url;

    private TestRedis() {
    }

    public static synchronized String url() {
        if (url == null) {
            String external = System.getenv("REDIS_URL");
            url = external != null && !external.isBlank() ? external : EmbeddedRedis.startOnFreePort().url();
        }
        return url;
    }
}
