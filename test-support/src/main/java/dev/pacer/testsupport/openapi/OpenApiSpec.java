package dev.pacer.testsupport.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAPI 3.1 document, read to check real answers against it: {@link #check} finds the operation a
 * request hit, checks that the answer's status is documented and that its body is what that response
 * declares (JSON against its schema with {@link SchemaCheck}, or no body at all), and remembers the
 * operation as exercised. {@link #notDescribed} is the reverse: endpoints a service maps that the document
 * lacks. Path templates match one segment per parameter; a parameter with {@code x-pacer-segments: many}
 * matches one or more (a secret's path). Only {@code $ref}s inside the document ({@code #/…}) are followed.
 */
public final class OpenApiSpec {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One operation: upper-case method and the path template as the document writes it. */
    public record Operation(String method, String path) implements Comparable<Operation> {
        @Override
        public int compareTo(Operation o) {
            return Comparator.comparing(Operation::path).thenComparing(Operation::method).compare(this, o);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private final JsonNode root;
    private final SchemaCheck schemas;
    private final Set<Operation> exercised = ConcurrentHashMap.newKeySet();
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    private OpenApiSpec(JsonNode root) {
        this.root = root;
        this.schemas = new SchemaCheck(root);
    }

    public static OpenApiSpec read(InputStream yaml) {
        try (yaml) {
            Object tree = new Yaml(new LoaderOptions()).load(yaml);
            return new OpenApiSpec(JSON.valueToTree(tree));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document from the classpath (e.g. wire-contract's {@code openapi/pacer.yaml}). */
    public static OpenApiSpec classpath(String resource) {
        InputStream in = OpenApiSpec.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no " + resource + " on the classpath");
        }
        return read(in);
    }

    public JsonNode root() {
        return root;
    }

    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : root.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                if (METHODS.contains(op.getKey())) {
                    all.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey()));
                }
            }
        }
        all.sort(null);
        return all;
    }

    public List<Operation> operationsUnder(String prefix) {
        return operations().stream().filter(o -> o.path().equals(prefix) || o.path().startsWith(prefix + "/")).toList();
    }

    /** The operations {@link #check} has seen answered, each once however often. */
    public Set<Operation> exercised() {
        return new TreeSet<>(exercised);
    }

    /** Whether the operation's path names servers of its own (it is then not served where the document is). */
    public boolean hasOwnServers(Operation op) {
        return !root.path("paths").path(op.path()).path("servers").isEmpty() || !node(op).path("servers").isEmpty();
    }

    /**
     * The documented answers under {@code prefix}, as {@code "GET /api/x 404"}, whose response says {@code x-pacer-answered-by: <by>}
     * (e.g. {@code gateway}); with {@code by} null, those that carry no such mark (the service's own).
     */
    public Set<String> documentedAnswers(String prefix, String by) {
        Set<String> all = new TreeSet<>();
        for (Operation op : operationsUnder(prefix)) {
            for (Map.Entry<String, JsonNode> response : node(op).path("responses").properties()) {
                JsonNode mark = schemas.resolve(response.getValue()).get("x-pacer-answered-by");
                if (by == null ? mark == null : mark != null && by.equals(mark.asString())) {
                    all.add(op + " " + response.getKey());
                }
            }
        }
        return all;
    }

    /** The documented answers {@link #check} has seen, as {@link #documentedAnswers} writes them. */
    public Set<String> answersSeen() {
        return new TreeSet<>(answered);
    }

    /**
     * What a test that called the operations under {@code prefix} left unproven: an operation never called,
     * a documented answer of the service's own (not marked {@code x-pacer-answered-by}) never seen unless
     * {@code exempt} lists it (an answer another set-up gives), and an exemption that no longer holds (seen
     * after all, or not documented). Empty when the document is covered.
     */
    public List<String> coverageGaps(String prefix, Set<String> exempt) {
        List<String> gaps = new ArrayList<>();
        for (Operation op : operationsUnder(prefix)) {
            if (!exercised.contains(op)) {
                gaps.add(op + ": never called");
            }
        }
        Set<String> documented = documentedAnswers(prefix, null);
        for (String answer : documented) {
            if (!answered.contains(answer) && !exempt.contains(answer)) {
                gaps.add(answer + ": documented, never answered");
            }
        }
        for (String answer : exempt) {
            if (answered.contains(answer) || !documented.contains(answer)) {
                gaps.add(answer + ": exempt, but " + (answered.contains(answer) ? "answered" : "not documented"));
            }
        }
        return gaps;
    }

    /**
     * Every keyword of every schema in the document (components and inline, nested ones included) that
     * {@link SchemaCheck} does not check; every {@code $ref} is resolved on the way (a dangling one throws).
     */
    public List<String> keywordsNotChecked() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> schema : root.path("components").path("schemas").properties()) {
            schemas.keywordsNotChecked(schema.getValue(), "#/components/schemas/" + schema.getKey(), out);
        }
        for (JsonNode schema : root.findValues("schema")) {
            schemas.keywordsNotChecked(schema, "schema", out);
        }
        return out;
    }

    /**
     * Checks one real answer. {@code target} is the path as sent (a query is ignored); {@code body} may be
     * null or empty. Returns what is wrong, readably, or nothing.
     */
    public List<String> check(String method, String target, int status, String contentType, String body) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        String call = method + " " + target + " -> " + status;
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            return List.of(call + ": no operation of the document matches");
        }
        Operation op = found.get();
        exercised.add(op);
        JsonNode responses = node(op).path("responses");
        String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
        JsonNode response = responses.get(key);
        if (response == null) {
            return List.of(call + ": status " + status + " is not documented for " + op);
        }
        answered.add(op + " " + key);
        JsonNode content = schemas.resolve(response).path("content");
        boolean empty = body == null || body.isEmpty();
        if (content.isEmpty()) {
            return empty ? List.of() : List.of(call + ": " + op + " answers " + status + " without a body, got " + abbreviate(body));
        }
        String mediaType = null;
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            if (contentType != null && contentType.startsWith(media.getKey())) {
                mediaType = media.getKey();
            }
        }
        if (mediaType == null) {
            return List.of(call + ": Content-Type " + contentType + ", documented " + content.propertyNames());
        }
        JsonNode media = content.get(mediaType);
        JsonNode value;
        if (mediaType.equals("application/json")) {
            try {
                value = JSON.readTree(empty ? "" : body);
            } catch (JacksonException e) {
                return List.of(call + ": body is not JSON: " + abbreviate(body));
            }
        } else if (mediaType.startsWith("text/")) {
            value = JSON.getNodeFactory().stringNode(empty ? "" : body);
        } else {
            return List.of(call + ": the checker reads JSON and text only, not " + mediaType);
        }
        List<String> violations = new ArrayList<>();
        schemas.check(value, media.path("schema"), "$", violations);
        return violations.stream().map(v -> call + ": " + v).toList();
    }

    /**
     * The endpoints of {@code mapped} (method and path pattern, Spring's {@code {name}}, {@code *} and
     * {@code **} included) that no operation describes. A parameter or wildcard stands for any segment(s).
     */
    public Set<Operation> notDescribed(Collection<Operation> mapped) {
        Set<String> described = new TreeSet<>();
        for (Operation op : operations()) {
            described.add(op.method() + " " + shape(op.path()));
        }
        Set<Operation> missing = new TreeSet<>();
        for (Operation op : mapped) {
            if (!described.contains(op.method() + " " + shape(op.path()))) {
                missing.add(op);
            }
        }
        return missing;
    }

    private static String shape(String path) {
        return Arrays.stream(path.split("/", -1))
                .map(s -> s.startsWith("{") || s.equals("*") || s.equals("**") ? "{}" : s)
                .collect(Collectors.joining("/"));
    }

    private JsonNode node(Operation op) {
        return root.path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT));
    }

    /** The matching operation with the most literal segments (so {@code _audit} wins over {@code {path}}). */
    private Optional<Operation> find(String method, String path) {
        Operation best = null;
        int bestLiterals = -1;
        for (Operation op : operations()) {
            if (!op.method().equals(method)) {
                continue;
            }
            int literals = matches(op, path);
            if (literals > bestLiterals) {
                best = op;
                bestLiterals = literals;
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1 if the path does not match the operation's template, else its number of literal segments. */
    private int matches(Operation op, String path) {
        String[] template = op.path().substring(1).split("/", -1);
        String[] actual = path.substring(1).split("/", -1);
        int literals = 0;
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (i >= actual.length || actual[i].isEmpty()) {
                return -1;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                if (manySegments(op, t.substring(1, t.length() - 1))) {
                    return i == template.length - 1 ? literals : -1;
                }
            } else if (t.equals(actual[i])) {
                literals++;
            } else {
                return -1;
            }
        }
        return template.length == actual.length ? literals : -1;
    }

    private boolean manySegments(Operation op, String name) {
        List<JsonNode> parameters = new ArrayList<>();
        root.path("paths").path(op.path()).path("parameters").forEach(parameters::add);
        node(op).path("parameters").forEach(parameters::add);
        return parameters.stream().map(schemas::resolve)
                .anyMatch(p -> name.equals(p.path("name").asString()) && "many".equals(p.path("x-pacer-segments").asString()));
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
