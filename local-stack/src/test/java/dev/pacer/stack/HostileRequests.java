package dev.pacer.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile requests of {@link HostileInputIT}, generated: each one a {@link Hostile} that must be
 * answered with a JSON 4xx and change nothing. Pure data; the suite sends them.
 */
final class HostileRequests {

    /** Where a request goes: through the gateway (as admin) or straight at one service's port. */
    enum Target { GATEWAY, SCHEDULER, SECRETS, HEALTH, AGENT, DISCOVERY }

    record Hostile(String category, Target target, String method, String path, String contentType, byte[] body) {

        String describe() {
            String shown = body == null ? "" : body.length > 120
                    ? new String(body, 0, 120, StandardCharsets.UTF_8) + "…(" + body.length + " bytes)"
                    : new String(body, StandardCharsets.UTF_8);
            return category + " " + target + " " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path)
                    + " " + shown.replaceAll("\\p{Cntrl}", "?");
        }
    }

    static final String JSON = "application/json";
    /** An app the hostile variants start from; valid as it is (never sent unchanged). */
    static final String BASE_ID = "/hostile/typed";
    static final String BASE_APP = "{\"id\":\"" + BASE_ID + "\",\"cmd\":\"sleep 1000\",\"instances\":0,\"cpus\":0.01,\"mem\":8}";

    /** Values of every JSON type; each field is sent the ones its type does not accept. */
    static final List<String> VALUES = List.of("\"s\"", "\"\"", "7", "2.5", "true", "[]", "[1]", "{}", "{\"a\":1}");

    /** Every field of an app, by the JSON values it accepts (of {@link #VALUES}). */
    static final Map<String, List<String>> ACCEPTED = new LinkedHashMap<>();

    static {
        List<String> string = List.of("\"s\"", "\"\"");
        List<String> integer = List.of("7");
        List<String> number = List.of("7", "2.5");
        List<String> bool = List.of("true");
        List<String> array = List.of("[]");
        List<String> record = List.of("{}", "{\"a\":1}");
        List<String> map = List.of("{}");
        for (String f : List.of("id", "cmd", "user", "executor", "role", "killSelection")) {
            ACCEPTED.put(f, string);
        }
        for (String f : List.of("instances", "gpus", "backoffSeconds", "maxLaunchDelaySeconds", "taskKillGracePeriodSeconds")) {
            ACCEPTED.put(f, integer);
        }
        for (String f : List.of("cpus", "mem", "disk", "backoffFactor")) {
            ACCEPTED.put(f, number);
        }
        for (String f : List.of("requirePorts", "tty")) {
            ACCEPTED.put(f, bool);
        }
        for (String f : List.of("args", "acceptedResourceRoles", "dependencies", "uris", "constraints", "portDefinitions",
                "networks", "healthChecks", "readinessChecks", "fetch")) {
            ACCEPTED.put(f, array);
        }
        ACCEPTED.put("ports", List.of("[]", "[1]"));
        for (String f : List.of("labels", "env", "secrets")) {
            ACCEPTED.put(f, map);
        }
        for (String f : List.of("container", "upgradeStrategy", "residency", "executorResources", "resourceLimits", "pacer",
                "versionInfo", "check", "ipAddress", "unreachableStrategy")) {
            ACCEPTED.put(f, record);
        }
        ACCEPTED.put("version", List.of());
    }

    private HostileRequests() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The base app with {@code field} set to {@code value} (raw JSON). */
    static String withField(String field, String value) {
        return BASE_APP.substring(0, BASE_APP.length() - 1).replace("\"" + field + "\":", "\"_" + field + "\":")
                + ",\"" + field + "\":" + value + "}";
    }

    /** Malformed and truncated JSON: Marathon's 400. */
    static List<Hostile> malformed() {
        List<Hostile> out = new ArrayList<>();
        for (int cut = 0; cut < BASE_APP.length(); cut += 3) {
            out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/apps", JSON, utf8(BASE_APP.substring(0, cut))));
        }
        List<String> garbage = List.of("{", "}", "nul", "[1,", "{\"id\":\"/hostile/a\",}", "{'id':'/hostile/a'}",
                "/*x*/" + BASE_APP, BASE_APP + " x", BASE_APP + BASE_APP, "{\"id\":\"/hostile/a\" \"cmd\":\"x\"}",
                "{\"id\":\"/hostile/a\",\"cmd\":\"x\",\"instances\":NaN}", "{\"id\":\"/hostile/a\",\"cmd\":\"x\",\"instances\":01}",
                "{\"id\":\"/hostile/a\",\"cmd\":\"x\",\"instances\":-}", "{\"id\":\"\\uZZZZ\"}", "\"\\", "\u0000",
                "{\"id\":\"/hostile/a\",\"cmd\":\"x\",\"cmd\":\"y\"", "[" + BASE_APP + ",]", "{\"id\":\"/hostile/a\"\u0000}");
        for (String body : garbage) {
            out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/apps", JSON, utf8(body)));
        }
        byte[] invalidUtf8 = {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'};
        out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/apps", JSON, invalidUtf8));
        for (String body : List.of("", "{", "[{\"id\":", "{\"apps\":[{\"id\":\"a\",}]}")) {
            out.add(new Hostile("malformed", Target.GATEWAY, "PUT", "/v2/apps" + BASE_ID, JSON, utf8(body)));
            out.add(new Hostile("malformed", Target.GATEWAY, "PUT", "/v2/apps", JSON, utf8(body)));
            out.add(new Hostile("malformed", Target.GATEWAY, "PATCH", "/v2/apps" + BASE_ID, JSON, utf8(body)));
            out.add(new Hostile("malformed", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON, utf8(body)));
            out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/groups", JSON, utf8(body)));
            out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/tasks/delete", JSON, utf8(body)));
        }
        out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/apps", "text/plain", utf8(BASE_APP)));
        out.add(new Hostile("malformed", Target.GATEWAY, "POST", "/v2/apps", "application/xml", utf8("<app id='/hostile/x'/>")));
        return out;
    }

    /** Every field of an app with a value of every type it does not accept: never coerced, a 422. */
    static List<Hostile> wrongTypes() {
        List<Hostile> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> field : ACCEPTED.entrySet()) {
            int sent = 0;
            for (String value : VALUES) {
                if (field.getValue().contains(value)) {
                    continue;
                }
                String body = withField(field.getKey(), value);
                out.add(new Hostile("wrong-types", Target.GATEWAY, "POST", "/v2/apps", JSON, utf8(body)));
                if (sent++ < 2) {
                    out.add(new Hostile("wrong-types", Target.GATEWAY, "PUT", "/v2/apps" + BASE_ID, JSON, utf8(body)));
                }
            }
        }
        List<String> nested = List.of(
                "\"healthChecks\":[{\"portIndex\":\"0\"}]", "\"healthChecks\":[{\"intervalSeconds\":true}]",
                "\"healthChecks\":[{\"path\":5}]", "\"portDefinitions\":[{\"port\":\"80\"}]",
                "\"portDefinitions\":[{\"port\":80.5}]", "\"upgradeStrategy\":{\"minimumHealthCapacity\":\"1\"}",
                "\"container\":{\"type\":\"DOCKER\",\"docker\":{\"image\":5}}",
                "\"unreachableStrategy\":{\"inactiveAfterSeconds\":\"5\"}", "\"unreachableStrategy\":{\"inactiveAfterSeconds\":1.5}",
                "\"fetch\":[{\"uri\":5}]", "\"readinessChecks\":[{\"httpStatusCodesForReady\":[\"200\"]}]",
                "\"networks\":[{\"mode\":1}]", "\"env\":{\"A\":5}", "\"env\":{\"A\":{\"secret\":5}}", "\"labels\":{\"a\":true}",
                "\"secrets\":{\"s\":{\"source\":5}}", "\"constraints\":[[\"hostname\",\"LIKE\",5]]",
                "\"constraints\":[\"hostname\"]", "\"pacer\":{\"canary\":{\"instances\":\"1\"}}",
                "\"resourceLimits\":{\"cpus\":\"1\"}", "\"args\":[\"a\",null]", "\"healthChecks\":[null]");
        for (String field : nested) {
            out.add(new Hostile("wrong-types", Target.GATEWAY, "POST", "/v2/apps", JSON,
                    utf8(BASE_APP.substring(0, BASE_APP.length() - 1) + "," + field + "}")));
        }
        for (String value : List.of("\"2\"", "true", "[]", "{}")) {
            out.add(new Hostile("wrong-types", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON,
                    utf8("{\"scaleBy\":" + value + "}")));
        }
        for (String body : List.of("{\"id\":5}", "{\"apps\":{}}", "{\"apps\":[5]}", "{\"groups\":\"g\"}",
                "{\"dependencies\":[5]}", "{\"version\":5}", "{\"apps\":[{\"id\":5,\"cmd\":\"x\"}]}",
                "{\"apps\":[{\"id\":\"a\",\"cmd\":\"x\",\"instances\":\"1\"}]}")) {
            out.add(new Hostile("wrong-types", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON, utf8(body)));
        }
        for (String body : List.of("[{\"id\":5}]", "[{\"id\":\"/hostile/b\",\"instances\":\"2\"}]", "{\"id\":\"/hostile/b\"}",
                "[5]", "[\"/hostile/b\"]")) {
            out.add(new Hostile("wrong-types", Target.GATEWAY, "PUT", "/v2/apps", JSON, utf8(body)));
        }
        for (String body : List.of("{\"ids\":\"x\"}", "{\"ids\":[5]}", "{\"ids\":[true]}", "[]")) {
            out.add(new Hostile("wrong-types", Target.GATEWAY, "POST", "/v2/tasks/delete", JSON, utf8(body)));
        }
        return out;
    }

    /** Huge strings, arrays, numbers and counts: 413, 400 (JSON limits) or 422 (record size, app count). */
    static List<Hostile> huge() {
        List<Hostile> out = new ArrayList<>();
        out.add(app("huge", withField("cmd", quoted("x".repeat(5 * 1024 * 1024)))));
        out.add(app("huge", withField("cmd", quoted("x".repeat(2 * 1024 * 1024)))));
        out.add(app("huge", withField("cmd", quoted("x".repeat(900 * 1024)))));
        out.add(app("huge", withField("args", "[" + String.join(",", Collections.nCopies(300_000, "\"x\"")) + "]")));
        out.add(app("huge", withField("constraints",
                "[" + String.join(",", Collections.nCopies(20_000, "[\"hostname\",\"UNIQUE\"]")) + "]")));
        StringBuilder env = new StringBuilder("{");
        for (int i = 0; i < 50_000; i++) {
            env.append(i == 0 ? "" : ",").append("\"V").append(i).append("\":\"x\"");
        }
        out.add(app("huge", withField("env", env.append("}").toString())));
        out.add(app("huge", withField("labels", "{\"" + "k".repeat(5000) + "\":\"v\"}")));
        out.add(app("huge", withField("instances", "1" + "0".repeat(5000))));
        out.add(app("huge", withField("instances", "99999999999")));
        out.add(app("huge", withField("cpus", "1e999999")));
        out.add(app("huge", withField("id", quoted("/" + String.join("/", Collections.nCopies(10, "a".repeat(60)))))));
        out.add(app("huge", "[" + String.join(",", Collections.nCopies(1_000_000, "1")) + "]"));
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            apps.add("{\"id\":\"/hostile/bulk/a" + i + "\",\"cmd\":\"x\",\"instances\":0}");
        }
        out.add(new Hostile("huge", Target.GATEWAY, "PUT", "/v2/apps", JSON, utf8("[" + String.join(",", apps) + "]")));
        List<String> relative = apps.stream().map(a -> a.replace("/hostile/bulk/", "")).toList();
        out.add(new Hostile("huge", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON, utf8("{\"apps\":["
                + String.join(",", relative.subList(0, 500)) + "],\"groups\":[{\"id\":\"g\",\"apps\":["
                + String.join(",", relative.subList(500, 1001)) + "]}]}")));
        out.add(new Hostile("huge", Target.GATEWAY, "GET", "/v2/apps?label=" + "a%28".repeat(2000), null, null));
        out.add(new Hostile("huge", Target.GATEWAY, "PUT", "/api/secrets/hostile/big", JSON,
                utf8("{\"value\":" + quoted("s".repeat(3 * 1024 * 1024)) + "}")));
        return out;
    }

    /** Nesting beyond the reader's depth limit, in every kind of body. */
    static List<Hostile> deep() {
        List<Hostile> out = new ArrayList<>();
        out.add(app("deep", "[".repeat(10_000) + "]".repeat(10_000)));
        out.add(app("deep", "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)));
        out.add(app("deep", withField("labels", "{\"a\":".repeat(200) + "\"x\"" + "}".repeat(200))));
        out.add(app("deep", withField("env", "{\"A\":" + "{\"secret\":".repeat(200) + "\"x\"" + "}".repeat(201))));
        out.add(app("deep", withField("check", "{\"a\":".repeat(150) + "1" + "}".repeat(150))));
        out.add(app("deep", withField("args", "[".repeat(300) + "\"x\"" + "]".repeat(300))));
        String group = "{\"id\":\"g\",\"apps\":[{\"id\":\"a\",\"cmd\":\"x\",\"instances\":0}]}";
        for (int i = 0; i < 120; i++) {
            group = "{\"id\":\"g\",\"groups\":[" + group + "]}";
        }
        out.add(new Hostile("deep", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON, utf8(group)));
        out.add(new Hostile("deep", Target.GATEWAY, "POST", "/v2/groups", JSON, utf8(group)));
        out.add(new Hostile("deep", Target.GATEWAY, "PUT", "/v2/apps", JSON, utf8("[".repeat(5000) + "]".repeat(5000))));
        out.add(new Hostile("deep", Target.GATEWAY, "POST", "/v2/tasks/delete", JSON,
                utf8("{\"ids\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
        out.add(new Hostile("deep", Target.GATEWAY, "PUT", "/api/secrets/hostile/deep", JSON,
                utf8("{\"value\":" + "[".repeat(5000) + "]".repeat(5000) + "}")));
        return out;
    }

    /** Ids with unicode, control characters and every other character an id may not hold. */
    static List<Hostile> unicodeIds() {
        List<String> ids = List.of("/h\u00e9llo", "/a\u0000b", "/a\tb", "/a\nb", "/\u202eevil", "/emoji\ud83d\ude00",
                "/a b", "/Hostile", "/a_b", "/\ufeffa", "/\uff41", "/a\\b", "/a:b", "/a?b", "/a#b", "/-a", "/a-",
                "/a..b", "/hostile/\u0085", "/hostile/\u2028", "/hostile/%00", "/hostile/%2e%2e", "/a;b", "/a%b",
                "/\u0130", "/hostile/\u0007", "/hostile/\u001b[31m", "/", "", " ", "/../..", "/hostile/../../x");
        List<Hostile> out = new ArrayList<>();
        for (String id : ids) {
            out.add(new Hostile("unicode-ids", Target.GATEWAY, "POST", "/v2/apps", JSON,
                    utf8("{\"id\":" + quoted(id) + ",\"cmd\":\"x\",\"instances\":0}")));
            out.add(new Hostile("unicode-ids", Target.GATEWAY, "PUT", "/v2/apps", JSON,
                    utf8("[{\"id\":" + quoted(id) + ",\"cmd\":\"x\",\"instances\":0}]")));
            out.add(new Hostile("unicode-ids", Target.GATEWAY, "PUT", "/v2/groups/hostile", JSON,
                    utf8("{\"apps\":[{\"id\":" + quoted(id) + ",\"cmd\":\"x\",\"instances\":0}]}")));
            if (!id.isBlank() && !id.contains("..") && !id.equals("/")) {
                out.add(new Hostile("unicode-ids", Target.GATEWAY, "PUT", "/v2/apps" + encodePath(id), JSON,
                        utf8("{\"cmd\":\"x\",\"instances\":0}")));
            }
        }
        for (String task : List.of("\u0000", "x.instance-\u202e._app.1", "%2e%2e", "a b", "\ud83d\ude00")) {
            out.add(new Hostile("unicode-ids", Target.GATEWAY, "POST", "/v2/tasks/delete", JSON,
                    utf8("{\"ids\":[" + quoted(task) + "]}")));
            out.add(new Hostile("unicode-ids", Target.GATEWAY, "DELETE", "/v2/apps/hostile/tasks/" + encodePath(task), null, null));
        }
        return out;
    }

    /** Paths that try to step out of the API or smuggle something past its routing. */
    static List<Hostile> pathTricks() {
        List<String[]> tricks = List.of(
                new String[] {"GET", "/v2/apps/..%2f..%2factuator%2fenv"},
                new String[] {"GET", "/v2/apps/%2e%2e/%2e%2e/actuator/env"},
                new String[] {"GET", "/v2/../actuator/env"},
                new String[] {"GET", "/actuator/env"},
                new String[] {"GET", "/actuator/heapdump"},
                new String[] {"GET", "/%2e%2e/v2/apps"},
                new String[] {"GET", "/v2/apps/%00"},
                new String[] {"GET", "/v2/apps/hostile%00/x"},
                new String[] {"GET", "/v2/apps/hostile;jsessionid=1"},
                new String[] {"GET", "/v2/apps/hostile%2fx"},
                new String[] {"GET", "/v2/apps/hostile%5cx"},
                new String[] {"GET", "/v2/apps/hostile/versions/..%2f..%2f..%2fx"},
                new String[] {"GET", "/v2/apps/hostile/versions/%00"},
                new String[] {"GET", "/v2/groups/%2e%2e"},
                new String[] {"GET", "/v2/groups/hostile/versions/%0d%0a"},
                new String[] {"GET", "/v2/deployments/..%2f..%2fx"},
                new String[] {"GET", "/v2/" + "a/".repeat(2500)},
                new String[] {"GET", "/v2/apps/" + "a".repeat(6000)},
                new String[] {"GET", "/api/secrets/..%2f..%2fetc%2fpasswd"},
                new String[] {"GET", "/api/agent/tasks"},
                new String[] {"PUT", "/v2/apps/%2e%2e/%2e%2e/x"},
                new String[] {"PUT", "/v2/apps/hostile/%2e"},
                new String[] {"DELETE", "/v2/apps/"},
                new String[] {"DELETE", "/v2/apps/%2f"},
                new String[] {"DELETE", "/v2/apps/hostile/..%2f..%2fx"},
                new String[] {"DELETE", "/v2/groups/%2e%2e%2f"},
                new String[] {"DELETE", "/v2/deployments/%00"},
                new String[] {"DELETE", "/v2/deployments/..%2f..%2fx"},
                new String[] {"DELETE", "/v2/queue/%00/delay"},
                new String[] {"DELETE", "/v2/leader/%2e%2e"},
                new String[] {"POST", "/v2/deployments/..%2fx/promote"},
                new String[] {"POST", "/v2/apps/hostile%0d%0aX-Injected:%201/restart"},
                new String[] {"POST", "/v2/apps/hostile/restart/%2e%2e"},
                new String[] {"PUT", "/api/secrets/%2e%2e/x"},
                new String[] {"PUT", "/api/secrets/hostile%00x"},
                new String[] {"DELETE", "/api/secrets/..%2f..%2fx"});
        List<Hostile> out = new ArrayList<>();
        for (String[] trick : tricks) {
            boolean write = trick[0].equals("PUT") || trick[0].equals("POST");
            out.add(new Hostile("path-tricks", Target.GATEWAY, trick[0], trick[1], write ? JSON : null,
                    write ? utf8(trick[1].startsWith("/api/") ? "{\"value\":\"x\"}" : "{\"cmd\":\"x\",\"instances\":0}") : null));
        }
        return out;
    }

    /** A few of the above straight at internal service ports on loopback, past the gateway. */
    static List<Hostile> internal() {
        List<Hostile> out = new ArrayList<>();
        byte[] big = new byte[5 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        byte[] deepBody = utf8("[".repeat(10_000) + "]".repeat(10_000));
        for (Target target : List.of(Target.SCHEDULER, Target.SECRETS, Target.AGENT, Target.HEALTH, Target.DISCOVERY)) {
            String path = switch (target) {
                case SCHEDULER -> "/v2/apps";
                case SECRETS -> "/api/secrets/hostile/x";
                case AGENT -> "/api/agent/tasks";
                case HEALTH -> "/api/checkers";
                default -> "/eureka/apps/HOSTILE";
            };
            String method = target == Target.SECRETS ? "PUT" : "POST";
            out.add(new Hostile("internal", target, method, path, JSON, big));
            if (target != Target.DISCOVERY) {
                out.add(new Hostile("internal", target, method, path, JSON, deepBody));
                out.add(new Hostile("internal", target, method, path, JSON, utf8("{\"id\":")));
            }
        }
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON, utf8(withField("instances", "\"3\""))));
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON, utf8(withField("cpus", "\"0.1\""))));
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON, utf8(withField("id", "123"))));
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON,
                utf8(withField("constraints", "[[\"hostname\",\"LIKE\",\"(?=a)a\"]]"))));
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON,
                utf8(withField("healthChecks", "[{\"path\":\"@169.254.169.254/latest\"}]"))));
        out.add(new Hostile("internal", Target.SCHEDULER, "POST", "/v2/apps", JSON,
                utf8(withField("healthChecks", "[{\"protocol\":\"TCP\",\"port\":6379}]"))));
        out.add(new Hostile("internal", Target.SECRETS, "PUT", "/api/secrets/hostile/x", JSON, utf8("{\"value\":123}")));
        out.add(new Hostile("internal", Target.AGENT, "POST", "/api/agent/tasks", JSON,
                utf8("{\"taskId\":5,\"appId\":\"/hostile/x\",\"cmd\":\"x\",\"cpus\":\"0.1\"}")));
        return out;
    }

    private static Hostile app(String category, String body) {
        return new Hostile(category, Target.GATEWAY, "POST", "/v2/apps", JSON, utf8(body));
    }

    static String quoted(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Percent-encodes everything but unreserved characters, {@code /} and escapes already there. */
    static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean escape = c == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0
                    && Character.digit(bytes[i + 2], 16) >= 0;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0 || escape) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
