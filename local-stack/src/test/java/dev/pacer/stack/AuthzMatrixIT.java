package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorization matrix, against the REAL scheduler and secrets-service through the gateway (the
 * shared stack: alice may do everything under {@code /team-a}, bob under {@code /team-b}, admin
 * everything): every Marathon endpoint and the secrets API × {the owner (bob), the other team's user
 * (alice), anonymous} × spellings of the team-b id in the path (plain, {@code //}, percent-encoded
 * letters, an encoded {@code /}, {@code ..}, an encoded {@code ..}, mixed case, a trailing slash) and
 * in the body (a body id differing from the path's, relative ids, nested group content, non-string ids).
 *
 * <p>Asserted: anonymous is refused (401, or the firewall's 400); alice never gets a 2xx on a team-b
 * resource, and none of her answers, lists included, holds a team-b id; after alice's and the anonymous
 * requests, nothing changed (apps and versions, groups, tasks, deployments, queue, secrets, read as
 * admin); bob is never refused what is his under a spelling that names his id, and is refused one that
 * does not parse. Paths are sent raw ({@link URI#create}); that {@code ..} reaches the gateway
 * unnormalised is checked as admin (the firewall's 400, not the app).
 */
class AuthzMatrixIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String ALICE = SharedStack.ALICE;
    private static final String BOB = SharedStack.BOB;
    private static final String ADMIN = SharedStack.ADMIN;
    private static final String ANONYMOUS = null;

    /** Spellings of {@code /team-b/web} after an endpoint's prefix, and whether each names that id. */
    private static final Map<String, Boolean> APP_SPELLINGS = spellings("team-b", "web");
    /** Spellings of the group {@code /team-b}. */
    private static final Map<String, Boolean> GROUP_SPELLINGS = spellings("team-b", null);

    private static SharedStack stack;
    private static String taskId;
    private static String version;
    private static String deploymentId;
    private static int requests;
    private static final Map<String, Integer> byRole = new TreeMap<>();

    @BeforeAll
    static void teamsWithAppsTasksDeploymentsAndSecrets() {
        stack = SharedStack.get();
        for (String team : List.of("team-a", "team-b")) {
            expect(send(ADMIN, "PUT", "/api/secrets/" + team + "/db", "{\"value\":\"" + team + "-value\"}"), 200, 201);
            expect(send(ADMIN, "PUT", "/v2/apps/" + team + "/web", app("/" + team + "/web", 1, 0.05, null)), 200, 201);
            expect(send(ADMIN, "PUT", "/v2/apps/" + team + "/sec", app("/" + team + "/sec", 1, 0.05, "/" + team + "/db")), 200, 201);
            // never placeable: a deployment that stays, and a queue entry
            expect(send(ADMIN, "PUT", "/v2/apps/" + team + "/stuck", app("/" + team + "/stuck", 1, 500, null)), 200, 201);
        }
        // one deployment over both teams
        expect(send(ADMIN, "PUT", "/v2/apps", "[" + app("/team-a/mixed", 1, 500, null) + "," + app("/team-b/mixed", 1, 500, null) + "]"), 200);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode tasks = json(send(ADMIN, "GET", "/v2/apps/team-b/web/tasks", null)).path("tasks");
            return tasks.size() == 1 && tasks.get(0).path("state").asString().equals("TASK_RUNNING");
        });
        taskId = json(send(ADMIN, "GET", "/v2/apps/team-b/web/tasks", null)).path("tasks").get(0).path("id").asString();
        version = json(send(ADMIN, "GET", "/v2/apps/team-b/web/versions", null)).path("versions").get(0).asString();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                send(ADMIN, "GET", "/api/secrets/_audit", null).body().contains("/team-b/db")
                        && send(ADMIN, "GET", "/api/secrets/_audit", null).body().contains("/team-a/db"));
        // only the never-placeable deployments remain, so that the state is still while alice and anonymous try
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode deployments = json(send(ADMIN, "GET", "/v2/deployments", null));
            return StreamSupport.stream(deployments.spliterator(), false).allMatch(d -> d.path("affectedApps").toString().contains("stuck")
                    || d.path("affectedApps").toString().contains("mixed"));
        });
        JsonNode deployments = json(send(ADMIN, "GET", "/v2/deployments", null));
        deploymentId = StreamSupport.stream(deployments.spliterator(), false)
                .filter(d -> d.path("affectedApps").toString().equals("[\"/team-b/stuck\"]"))
                .findFirst().orElseThrow().path("id").asString();
    }

    @Test
    void noCrossTenantReadOrChange_forEveryEndpointSpellingAndRole() {
        // the raw path reaches the gateway as written: admin gets the firewall's 400, not the app
        assertThat(send(ADMIN, "GET", "/v2/apps/team-a/../team-b/web", null).status()).isEqualTo(400);
        assertThat(send(ADMIN, "GET", "/v2/apps/team-b/web", null).status()).isEqualTo(200);

        List<Cell> cells = cells();
        List<String> failures = new ArrayList<>();
        Map<String, String> before = snapshot();
        for (Cell cell : cells) {
            if (!cell.role().equals("bob")) {
                check(cell, failures);
            }
        }
        Map<String, String> after = snapshot();
        for (String key : before.keySet()) {
            if (!before.get(key).equals(after.get(key))) {
                failures.add("state changed after alice's and anonymous requests: " + key + "\n  before " + before.get(key)
                        + "\n  after  " + after.get(key));
            }
        }
        // the owner last: his writes change team-b (deletes at the very end)
        cells.stream().filter(c -> c.role().equals("bob"))
                .sorted(Comparator.comparingInt(c -> c.method().equals("GET") ? 0 : c.method().equals("DELETE") ? 2 : 1))
                .forEach(cell -> check(cell, failures));
        System.out.printf("[authz matrix] %d requests (%s) over %d endpoint templates, %d path spellings of the app id,"
                        + " %d of the group id; %d failures%n", requests, byRole, endpointTemplates, APP_SPELLINGS.size(),
                GROUP_SPELLINGS.size(), failures.size());
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    // --- the cells

    /** What a cell expects of its answer. */
    enum Expect {
        /** The owner, with a spelling that names his id: anything but 401/403 and 5xx. */
        ALLOWED,
        /** Refused before it could act: 400 (firewall), 403, or 422 (an id the gateway cannot read). */
        REFUSED,
        /** A list: 200 (or 403 for a scope with nothing viewable) without any team-b id. */
        FILTERED,
        /** The owner's list: 200 with team-b in it. */
        SEES_TEAM_B,
        /** 401, or the firewall's 400. */
        UNAUTHENTICATED,
        /** An authenticated read that names no app ({@code /v2/info}): 200. */
        OK
    }

    record Cell(String role, String method, String path, String body, Expect expect) {
    }

    private static int endpointTemplates;

    private static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        List<String[]> appTemplates = List.of(
                new String[] {"GET", "/v2/apps/{}", null}, new String[] {"GET", "/v2/apps/{}/tasks", null},
                new String[] {"GET", "/v2/apps/{}/versions", null}, new String[] {"GET", "/v2/apps/{}/versions/" + version, null},
                new String[] {"PUT", "/v2/apps/{}?force=true", "{\"instances\":1,\"labels\":{\"by\":\"matrix\"}}"},
                new String[] {"PATCH", "/v2/apps/{}?force=true", "{\"labels\":{\"by\":\"matrix-patch\"}}"},
                new String[] {"POST", "/v2/apps/{}/restart?force=true", null},
                new String[] {"DELETE", "/v2/apps/{}/tasks/" + taskId, null},
                new String[] {"DELETE", "/v2/apps/{}/tasks?scale=true&force=true", null},
                new String[] {"DELETE", "/v2/queue/{}/delay", null},
                new String[] {"DELETE", "/v2/apps/{}?force=true", null});
        List<String[]> groupTemplates = List.of(
                new String[] {"GET", "/v2/groups/{}", null}, new String[] {"GET", "/v2/groups/{}/versions", null},
                new String[] {"GET", "/v2/groups/{}/apps", null}, new String[] {"GET", "/v2/apps/{}/*", null},
                new String[] {"POST", "/v2/groups/{}?force=true", "{\"id\":\"matrix-new\",\"apps\":[]}"},
                new String[] {"PUT", "/v2/groups/{}?force=true", "{\"scaleBy\":1}"},
                new String[] {"PATCH", "/v2/groups/{}", "{}"},
                new String[] {"DELETE", "/v2/groups/{}?force=true", null});
        List<String[]> secretTemplates = List.of(
                new String[] {"GET", "/api/secrets/{}", null}, new String[] {"GET", "/api/secrets/_versions/{}", null},
                new String[] {"PUT", "/api/secrets/{}", "{\"value\":\"matrix-new-value\"}"},
                new String[] {"DELETE", "/api/secrets/{}", null});
        endpointTemplates = appTemplates.size() + groupTemplates.size() + secretTemplates.size();
        addSpelled(cells, appTemplates, APP_SPELLINGS);
        addSpelled(cells, groupTemplates, GROUP_SPELLINGS);
        addSpelled(cells, secretTemplates, spellings("team-b", "db"));

        // bodies that name team-b while the path names team-a (or nothing); the owner sends the same with team-b paths
        List<String[]> bodies = List.of(
                new String[] {"POST", "/v2/apps", "{\"id\":\"/team-b/x\",\"cmd\":\"sleep 1\",\"instances\":0}"},
                new String[] {"POST", "/v2/apps", "{\"id\":\"team-b/x\",\"cmd\":\"sleep 1\",\"instances\":0}"},
                new String[] {"POST", "/v2/apps", "{\"id\":\"//team-b//x/\",\"cmd\":\"sleep 1\",\"instances\":0}"},
                new String[] {"POST", "/v2/apps", "{\"id\":\"/team-a/../team-b/x\",\"cmd\":\"sleep 1\",\"instances\":0}"},
                new String[] {"PUT", "/v2/apps?force=true", "[{\"id\":\"/team-a/web\"},{\"id\":\"/team-b/web\",\"instances\":3}]"},
                new String[] {"PATCH", "/v2/apps?force=true", "[{\"id\":\"/team-b/web\",\"instances\":3}]"},
                new String[] {"PUT", "/v2/apps/team-a/web?force=true", "{\"id\":\"/team-b/web\",\"instances\":3}"},
                new String[] {"PUT", "/v2/apps/team-a/web?force=true", "{\"id\":\"../team-b/web\",\"instances\":3}"},
                new String[] {"POST", "/v2/groups/team-a", "{\"id\":\"/team-b/x\"}"},
                new String[] {"POST", "/v2/groups/team-a", "{\"id\":\"../team-b/x\"}"},
                new String[] {"POST", "/v2/groups", "{\"id\":\"/team-a/g1\",\"apps\":[{\"id\":\"/team-b/evil\",\"cmd\":\"sleep 1\"}]}"},
                new String[] {"POST", "/v2/groups", "{\"id\":\"/team-a/g2\",\"groups\":[{\"id\":\"../../team-b/evil\","
                        + "\"apps\":[{\"id\":\"x\",\"cmd\":\"sleep 1\",\"instances\":0}]}]}"},
                new String[] {"PUT", "/v2/groups/team-a?force=true", "{\"groups\":[{\"id\":\"/team-b\",\"apps\":[]}]}"},
                new String[] {"PUT", "/v2/groups/team-a?force=true", "{\"id\":\"/team-b\",\"apps\":[]}"},
                new String[] {"POST", "/v2/tasks/delete", "{\"ids\":[\"" + "{task}" + "\"]}"},
                new String[] {"POST", "/v2/tasks/delete?scale=true&force=true", "{\"ids\":[\"" + "{task}" + "\"]}"});
        for (String[] b : bodies) {
            String body = b[2].replace("{task}", taskId);
            cells.add(new Cell("alice", b[0], b[1], body, Expect.REFUSED));
            cells.add(new Cell("anonymous", b[0], b[1], body, Expect.UNAUTHENTICATED));
            cells.add(new Cell("bob", b[0], b[1].replace("team-a", "team-b"), body.replace("team-a", "team-b"), Expect.ALLOWED));
        }
        // ids the gateway cannot read: Marathon's 422 for alice and bob alike
        for (String body : List.of("{\"id\":123,\"cmd\":\"sleep 1\"}", "{\"id\":[\"/team-b/x\"],\"cmd\":\"sleep 1\"}",
                "{\"id\":\"/TEAM-B/x\",\"cmd\":\"sleep 1\"}", "{\"id\":\"../team-b/x\",\"cmd\":\"sleep 1\"}", "{\"cmd\":\"no id\"}")) {
            for (String role : List.of("alice", "bob")) {
                cells.add(new Cell(role, "POST", "/v2/apps", body, Expect.REFUSED));
            }
            cells.add(new Cell("anonymous", "POST", "/v2/apps", body, Expect.UNAUTHENTICATED));
        }
        // lists: alice sees no team-b id, bob sees his
        for (String path : List.of("/v2/apps", "/v2/apps?embed=apps.tasks&embed=apps.deployments", "/v2/apps/*", "/v2/groups",
                "/v2/groups?embed=group.groups&embed=group.apps", "/v2/groups/apps", "/v2/tasks", "/v2/tasks?status=running", "/v2/queue",
                "/v2/deployments", "/api/secrets", "/api/secrets?prefix=/team-b", "/api/secrets/_audit",
                "/api/secrets/_audit?path=/team-b/db")) {
            cells.add(new Cell("alice", "GET", path, null, Expect.FILTERED));
            cells.add(new Cell("anonymous", "GET", path, null, Expect.UNAUTHENTICATED));
            cells.add(new Cell("bob", "GET", path, null, Expect.SEES_TEAM_B));
        }
        // what is no team's business: an operator's (update or view on /), refused to both teams. /v2/events is not
        // among them: every user may subscribe and sees only his own apps' events (gateway EventStreamIT)
        List<String[]> operator = List.of(new String[] {"GET", "/metrics"},
                new String[] {"GET", "/v2/pods"}, new String[] {"GET", "/v2/plugins"}, new String[] {"GET", "/v2/groups/versions"},
                new String[] {"GET", "/v2/queue/team-b/web"}, new String[] {"DELETE", "/v2/leader"},
                new String[] {"DELETE", "/v2/deployments/" + deploymentId + "?force=true"},
                new String[] {"POST", "/v2/deployments/" + deploymentId + "/promote"}, new String[] {"DELETE", "/v2/tasks"},
                new String[] {"GET", "/api/health/members"}, new String[] {"GET", "/actuator/gateway/routes"},
                new String[] {"POST", "/api/secrets/_redeem"}, new String[] {"POST", "/api/secrets/_rewrap"},
                new String[] {"GET", "/v2/APPS/team-b/web"}, new String[] {"GET", "/v2/app%73/team-b/web"});
        for (String[] o : operator) {
            String body = o[0].equals("POST") ? "{}" : null;
            for (String role : List.of("alice", "bob")) {
                cells.add(new Cell(role, o[0], o[1], body, Expect.REFUSED));
            }
            cells.add(new Cell("anonymous", o[0], o[1], body, Expect.UNAUTHENTICATED));
        }
        for (String path : List.of("/v2/info", "/v2/leader")) {
            for (String role : List.of("alice", "bob")) {
                cells.add(new Cell(role, "GET", path, null, Expect.OK));
            }
            cells.add(new Cell("anonymous", "GET", path, null, Expect.UNAUTHENTICATED));
        }
        cells.add(new Cell("anonymous", "GET", "/ping", null, Expect.OK));
        return cells;
    }

    private static void addSpelled(List<Cell> cells, List<String[]> templates, Map<String, Boolean> spellings) {
        for (String[] t : templates) {
            spellings.forEach((spelling, names) -> {
                String path = t[1].replace("{}", spelling);
                cells.add(new Cell("alice", t[0], path, t[2], Expect.REFUSED));
                cells.add(new Cell("anonymous", t[0], path, t[2], Expect.UNAUTHENTICATED));
                cells.add(new Cell("bob", t[0], path, t[2], names ? Expect.ALLOWED : Expect.REFUSED));
            });
        }
    }

    /** Spellings of {@code /<group>[/<name>]}: raw path text after a prefix, and whether it names that very id. */
    private static Map<String, Boolean> spellings(String group, String name) {
        String tail = name == null ? "" : "/" + name;
        String encodedTail = name == null ? "" : "/%" + Integer.toHexString(name.charAt(0)) + name.substring(1);
        Map<String, Boolean> s = new LinkedHashMap<>();
        s.put(group + tail, true);
        s.put("/" + group + tail, true);                                        // the Java client's //id
        s.put(group.replace("a", "%61") + tail, true);                         // te%61m-b
        s.put("%" + Integer.toHexString(group.charAt(0)) + group.substring(1) + encodedTail, true);
        s.put(group + tail + "/", true);                                       // trailing slash
        s.put(name == null ? "team-a%2F..%2F" + group : group + "%2F" + name, false); // an encoded slash
        s.put("team-a/../" + group + tail, false);                              // ..
        s.put("team-a/%2e%2e/" + group + tail, false);                          // an encoded ..
        s.put("team-a/%2E%2E/" + group + tail, false);
        s.put(group.toUpperCase(Locale.ROOT) + tail, false);         // mixed case: another id, which cannot exist
        s.put("%54" + group.substring(1) + tail, false);                        // an encoded capital
        return s;
    }

    // --- checking one cell

    private static void check(Cell cell, List<String> failures) {
        String authorization = switch (cell.role()) {
            case "alice" -> ALICE;
            case "bob" -> BOB;
            default -> ANONYMOUS;
        };
        Response response = send(authorization, cell.method(), cell.path(), cell.body());
        byRole.merge(cell.role(), 1, Integer::sum);
        int status = response.status();
        String body = response.body();
        boolean ok = switch (cell.expect()) {
            case ALLOWED -> status != 401 && status != 403 && status < 500;
            // a 422 may quote the caller's own invalid id back; nothing else may name team-b
            case REFUSED -> (status == 400 || status == 403) && !body.contains("team-b")
                    || status == 422 && (!body.contains("team-b") || cell.body() != null && quotesOnlyTheRequest(body, cell.body()));
            case FILTERED -> (status == 200 || status == 403) && !body.contains("team-b");
            case SEES_TEAM_B -> status == 200 && body.contains("team-b");
            case UNAUTHENTICATED -> (status == 401 || status == 400) && !body.contains("team-b");
            case OK -> status == 200;
        };
        if (!ok || !body.startsWith("{") && !body.startsWith("[") && !body.equals("pong") && !body.isEmpty()) {
            failures.add(cell + " -> " + status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }

    /** Every team-b id in a 422's message is one the request itself sent. */
    private static boolean quotesOnlyTheRequest(String answer, String request) {
        Matcher ids = Pattern.compile("[^'\"\\s]*team-b[^'\"\\s]*").matcher(answer);
        while (ids.find()) {
            if (!request.contains(ids.group())) {
                return false;
            }
        }
        return true;
    }

    /** What alice and anonymous must not have changed, read as admin. */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new TreeMap<>();
        for (JsonNode app : json(send(ADMIN, "GET", "/v2/apps", null)).path("apps")) {
            state.put("app " + app.path("id").asString(), app.path("version").asString() + " instances="
                    + app.path("instances").asInt() + " labels=" + app.path("labels"));
        }
        state.put("tasks", ids(json(send(ADMIN, "GET", "/v2/tasks", null)).path("tasks"), t -> t.path("id").asString()));
        state.put("deployments", ids(json(send(ADMIN, "GET", "/v2/deployments", null)), d -> d.path("id").asString()));
        state.put("queue", ids(json(send(ADMIN, "GET", "/v2/queue", null)).path("queue"), q -> q.path("app").path("id").asString()));
        state.put("groups", groups(json(send(ADMIN, "GET", "/v2/groups", null))));
        state.put("secrets", ids(json(send(ADMIN, "GET", "/api/secrets", null)),
                s -> s.path("path").asString() + "@" + s.path("currentVersion").asInt() + "/" + s.path("versions").asInt()));
        return state;
    }

    private static String groups(JsonNode group) {
        TreeSet<String> all = new TreeSet<>();
        collect(group, all);
        return all.toString();
    }

    private static void collect(JsonNode group, TreeSet<String> into) {
        into.add(group.path("id").asString() + "@" + group.path("version").asString());
        group.path("groups").forEach(g -> collect(g, into));
    }

    private static String ids(JsonNode array, Function<JsonNode, String> id) {
        TreeSet<String> all = new TreeSet<>();
        array.forEach(item -> all.add(id.apply(item)));
        return all.toString();
    }

    // --- HTTP

    record Response(int status, String body) {
    }

    private static Response send(String authorization, String method, String path, String body) {
        requests++;
        // the raw path as written: URI.create neither decodes nor normalises it
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.gateway(path))).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void expect(Response response, int... statuses) {
        assertThat(response.status()).as(response.body()).isIn(Arrays.stream(statuses).boxed().toList());
    }

    private static String app(String id, int instances, double cpus, String secret) {
        String secrets = secret == null ? "" : ",\"secrets\":{\"db\":{\"source\":\"" + secret + "\"}},\"env\":{\"DB\":{\"secret\":\"db\"}}";
        return "{\"id\":\"" + id + "\",\"cmd\":\"sleep 3600\",\"cpus\":" + cpus + ",\"mem\":16,\"instances\":" + instances + secrets + "}";
    }
}
