package dev.pacer.testsupport.observability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every PromQL expression of {@code observability/}: each target of each Grafana dashboard panel (Grafana's
 * {@code $__rate_interval} / {@code $__interval} / {@code $__range} replaced by a fixed window) and each alert rule.
 */
public final class ObservabilityQueries {

    /** One expression and where it comes from ({@code overview.json: Apps}, {@code rules/agents.yml: PacerAgentLost}). */
    public record Query(String source, String expr, boolean alert) {
    }

    private static final Set<String> NOT_METRICS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset", "inf", "nan");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern SELECTOR = Pattern.compile("(?<![a-zA-Z0-9_:.\u0000])([a-zA-Z_:][a-zA-Z0-9_:]*+)(\\s*\\{[^}]*\\})?+(?!\\s*\\()");

    private ObservabilityQueries() {
    }

    /** The directory {@code observability/} of the checkout above the working directory. */
    public static Path directory() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("observability/prometheus")) && Files.isRegularFile(d.resolve("mvnw"))) {
                return d.resolve("observability");
            }
        }
        throw new IllegalStateException("no observability/ above " + Path.of("").toAbsolutePath());
    }

    public static List<Path> dashboards(Path observability) {
        return list(observability.resolve("grafana/dashboards"), ".json");
    }

    public static List<Path> ruleFiles(Path observability) {
        return list(observability.resolve("prometheus/rules"), ".yml");
    }

    /** Each panel target's expression, Grafana's interval variables replaced by {@code window} (e.g. {@code 5m}). */
    public static List<Query> panels(Path observability, String window) {
        List<Query> queries = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        for (Path file : dashboards(observability)) {
            JsonNode dashboard = json.readTree(read(file));
            for (JsonNode panel : dashboard.path("panels")) {
                for (JsonNode target : panel.path("targets")) {
                    String expr = target.path("expr").asString()
                            .replace("$__rate_interval", window).replace("$__interval", window).replace("$__range", window);
                    queries.add(new Query(file.getFileName() + ": " + panel.path("title").asString()
                            + " [" + target.path("refId").asString() + "]", expr, false));
                }
            }
        }
        return queries;
    }

    /** Each alerting or recording rule's expression. */
    @SuppressWarnings("unchecked")
    public static List<Query> rules(Path observability) {
        List<Query> queries = new ArrayList<>();
        for (Path file : ruleFiles(observability)) {
            Map<String, Object> doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(read(file));
            for (Map<String, Object> group : (List<Map<String, Object>>) doc.get("groups")) {
                for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                    Object name = rule.containsKey("alert") ? rule.get("alert") : rule.get("record");
                    queries.add(new Query("rules/" + file.getFileName() + ": " + name, rule.get("expr").toString().trim(),
                            rule.containsKey("alert")));
                }
            }
        }
        return queries;
    }

    /**
     * The vector selectors of an expression ({@code pacer_scheduler_agents{state="lost"}}, {@code up}): the series an
     * alert looks at, which must exist even while the alert's condition is false. Function names, keywords, label
     * names of groupings and numbers are not selectors.
     */
    public static Set<String> selectors(String expr) {
        List<String> strings = new ArrayList<>();
        Matcher s = STRING.matcher(expr);
        StringBuilder masked = new StringBuilder();
        while (s.find()) {
            strings.add(s.group());
            s.appendReplacement(masked, "\u0000" + (strings.size() - 1) + "\u0000");
        }
        s.appendTail(masked);
        String text = GROUPING.matcher(masked.toString()).replaceAll(" ").replaceAll("\\[[^\\]]*\\]", "");
        Set<String> selectors = new LinkedHashSet<>();
        Matcher m = SELECTOR.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (NOT_METRICS.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String labels = m.group(2) == null ? "" : m.group(2).strip();
            Matcher placeholder = Pattern.compile("\u0000(\\d+)\u0000").matcher(labels);
            StringBuilder restored = new StringBuilder();
            while (placeholder.find()) {
                placeholder.appendReplacement(restored, Matcher.quoteReplacement(strings.get(Integer.parseInt(placeholder.group(1)))));
            }
            placeholder.appendTail(restored);
            selectors.add(name + restored);
        }
        return selectors;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
