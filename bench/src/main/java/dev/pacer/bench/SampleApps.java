package dev.pacer.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Deterministic, realistic app definitions (~1.5 KiB of JSON each): what a team's JVM service on
 * Marathon typically carries — a command, a dozen env vars, routing and ownership labels, two health
 * checks, placement constraints, a named port, an upgrade strategy and an artifact to fetch.
 * {@code instances} is 0 so that no agent is needed and the store, not task launching, is measured.
 * App {@code i} is {@code /bench/team-<i % 20>/app-<i>}.
 */
public final class SampleApps {

    static final int TEAMS = 20;

    private SampleApps() {
    }

    public static String id(int index) {
        return "/bench/" + team(index) + "/" + name(index);
    }

    /** The full definition of app {@code index}, as sent when seeding. */
    public static String definition(int index) {
        String name = name(index);
        String team = team(index);
        StringBuilder json = new StringBuilder(1800);
        json.append('{')
                .append("\"id\":").append(quote(id(index))).append(',')
                .append("\"cmd\":").append(quote("exec java -Xmx384m -XX:+ExitOnOutOfMemoryError -Dserver.port=$PORT0 "
                        + "-jar /opt/" + team + "/" + name + ".jar --spring.profiles.active=prod")).append(',')
                .append("\"instances\":0,\"cpus\":0.25,\"mem\":512,\"disk\":64,")
                .append("\"env\":").append(object(env(index))).append(',')
                .append("\"labels\":").append(object(labels(index, 0))).append(',')
                .append("\"healthChecks\":[")
                .append("{\"protocol\":\"HTTP\",\"path\":\"/actuator/health/readiness\",\"portIndex\":0,")
                .append("\"gracePeriodSeconds\":120,\"intervalSeconds\":15,\"timeoutSeconds\":5,\"maxConsecutiveFailures\":3},")
                .append("{\"protocol\":\"TCP\",\"portIndex\":0,\"gracePeriodSeconds\":60,\"intervalSeconds\":30,")
                .append("\"timeoutSeconds\":5,\"maxConsecutiveFailures\":5}],")
                .append("\"constraints\":[[\"hostname\",\"UNIQUE\"],[\"@zone\",\"GROUP_BY\",\"2\"]],")
                // one port 0 (auto-assigned service port): Marathon's default range 10000-20000 holds 10,001
                .append("\"portDefinitions\":[{\"port\":0,\"protocol\":\"tcp\",\"name\":\"http\",")
                .append("\"labels\":{\"VIP_0\":").append(quote("/" + team + "/" + name + ":8080")).append("}}],")
                .append("\"upgradeStrategy\":{\"minimumHealthCapacity\":0.5,\"maximumOverCapacity\":0.2},")
                .append("\"backoffSeconds\":1,\"backoffFactor\":1.15,\"maxLaunchDelaySeconds\":300,")
                .append("\"taskKillGracePeriodSeconds\":30,")
                .append("\"fetch\":[{\"uri\":").append(quote("https://artifacts.example.com/" + team + "/" + name
                        + "/" + name + "-1.4." + index % 10 + ".jar")).append(",\"extract\":false,\"cache\":true}]")
                .append('}');
        return json.toString();
    }

    /** A scale change for {@code PUT /v2/apps/{id}} (Marathon's partial update): instances stays 0. */
    public static String scaleChange() {
        return "{\"instances\":0}";
    }

    /** A config change for {@code PUT /v2/apps/{id}}: the app's labels with {@code bench-rev} set to {@code revision}. */
    public static String labelChange(int index, long revision) {
        return "{\"labels\":" + object(labels(index, revision)) + "}";
    }

    private static Map<String, String> env(int index) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVICE_NAME", name(index));
        env.put("TEAM", team(index));
        env.put("JAVA_TOOL_OPTIONS", "-XX:+UseG1GC -XX:MaxGCPauseMillis=200 -Dfile.encoding=UTF-8");
        env.put("LOG_LEVEL", "INFO");
        env.put("LOG_FORMAT", "json");
        env.put("DB_URL", "jdbc:postgresql://pg-" + team(index) + ".service:5432/" + name(index).replace('-', '_'));
        env.put("DB_POOL_SIZE", "16");
        env.put("CACHE_TTL_SECONDS", "300");
        env.put("FEATURE_FLAGS", "search-v2,checkout-redesign,async-audit");
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector.service:4317");
        env.put("OTEL_RESOURCE_ATTRIBUTES", "service.name=" + name(index) + ",team=" + team(index));
        env.put("REGION", "eu-west-1");
        env.put("BUILD_SHA", String.format("%040x", (long) index * 2654435761L));
        return env;
    }

    private static Map<String, String> labels(int index, long revision) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("team", team(index));
        labels.put("tier", index % 3 == 0 ? "frontend" : "backend");
        labels.put("owner", team(index) + "@example.com");
        labels.put("cost-center", "cc-" + (1000 + index % 37));
        labels.put("HAPROXY_GROUP", "external");
        labels.put("HAPROXY_0_VHOST", name(index) + ".apps.example.com");
        labels.put("release", "2024.05." + index % 7);
        labels.put("bench-rev", Long.toString(revision));
        return labels;
    }

    private static String team(int index) {
        return String.format("team-%02d", index % TEAMS);
    }

    private static String name(int index) {
        return String.format("app-%05d", index);
    }

    private static String object(Map<String, String> map) {
        StringJoiner joiner = new StringJoiner(",", "{", "}");
        map.forEach((k, v) -> joiner.add(quote(k) + ":" + quote(v)));
        return joiner.toString();
    }

    /** The values above hold no quote, backslash or control character; escape anyway. */
    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
