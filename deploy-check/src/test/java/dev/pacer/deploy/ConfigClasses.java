package dev.pacer.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties of a module's {@code @ConfigurationProperties} records, read from their source (the services
 * are Boot applications: their jars are not libraries a test can load). A record's components are its
 * properties ({@code privateKey} is {@code private-key}); a component whose type is a record of the same file
 * is expanded; maps, lists, sets and arrays are open (names below them exist). The prefix is a string literal
 * or a {@code PREFIX} constant, also another class's ({@code AgentProperties.PREFIX}).
 */
final class ConfigClasses {

    private static final Pattern ANNOTATION = Pattern.compile("@ConfigurationProperties\\(\\s*(?:prefix\\s*=\\s*|value\\s*=\\s*)?([^)]+)\\)");
    private static final Pattern PREFIX_CONSTANT = Pattern.compile("\\bPREFIX\\s*=\\s*([^;]+);");
    private static final Pattern TYPE_NAME = Pattern.compile("\\b(?:record|class)\\s+(\\w+)");
    private static final Set<String> OPEN_TYPES = Set.of("Map", "List", "Set", "Collection");

    private ConfigClasses() {
    }

    static List<ConfigKey> keys(List<Path> modules) {
        Map<String, String> sources = new HashMap<>();
        for (Path module : modules) {
            sources.putAll(javaSources(module.resolve("src/main/java")));
        }
        List<ConfigKey> keys = new ArrayList<>();
        sources.forEach((type, text) -> {
            Matcher a = ANNOTATION.matcher(text);
            if (a.find()) {
                String prefix = resolve(a.group(1).trim(), type, sources);
                Matcher header = Pattern.compile("\\brecord\\s+" + type + "\\s*\\(").matcher(text);
                if (!header.find(a.end())) {
                    throw new IllegalStateException("@ConfigurationProperties on " + type + ", which is no record: add its"
                            + " shape to " + ConfigClasses.class.getSimpleName());
                }
                components(text, header.end(), prefix, type, keys);
            }
        });
        return keys;
    }

    /** Walks the components of the record header starting after its '(' at {@code from}. */
    private static void components(String text, int from, String prefix, String type, List<ConfigKey> keys) {
        for (String component : splitTopLevel(text.substring(from, closing(text, from)))) {
            String plain = component.replaceAll("@\\w+(\\.\\w+)*(\\([^)]*\\))?", " ").trim();
            int space = plain.lastIndexOf(' ');
            if (space < 0) {
                continue;
            }
            String javaType = plain.substring(0, space).trim();
            String name = prefix + "." + dashed(plain.substring(space + 1).trim());
            String raw = javaType.replaceAll("<.*", "").replaceAll(".*\\.", "");
            Matcher nested = Pattern.compile("\\brecord\\s+" + Pattern.quote(raw) + "\\s*\\(").matcher(text);
            if (!raw.equals(type) && nested.find()) {
                keys.add(new ConfigKey(name, false, type + " (" + raw + ")"));
                components(text, nested.end(), name, raw, keys);
            } else {
                keys.add(new ConfigKey(name, OPEN_TYPES.contains(raw) || javaType.endsWith("[]"), type));
            }
        }
    }

    private static String resolve(String expression, String type, Map<String, String> sources) {
        if (expression.startsWith("\"")) {
            return expression.substring(1, expression.lastIndexOf('"'));
        }
        String owner = expression.contains(".") ? expression.substring(0, expression.indexOf('.')) : type;
        String text = sources.get(owner);
        if (text == null) {
            throw new IllegalStateException("cannot resolve the prefix " + expression + " of " + type);
        }
        Matcher m = PREFIX_CONSTANT.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no PREFIX constant in " + owner);
        }
        return resolve(m.group(1).trim(), owner, sources);
    }

    private static int closing(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        throw new IllegalStateException("unbalanced record header");
    }

    private static List<String> splitTopLevel(String header) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(header.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(header.substring(start));
        return parts;
    }

    static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** Java source without its comments; string and character literals are kept as they are. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                out.append(source, i, Math.min(end + 1, source.length()));
                i = end + 1;
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? source.length() : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                out.append(' ');
                i = end < 0 ? source.length() : end + 2;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Top-level type name -> source text (comments removed), of every .java file under {@code root}. */
    private static Map<String, String> javaSources(Path root) {
        Map<String, String> sources = new HashMap<>();
        if (!Files.isDirectory(root)) {
            return sources;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = withoutComments(Repo.read(file));
                Matcher name = TYPE_NAME.matcher(text);
                if (name.find()) {
                    sources.put(file.getFileName().toString().replace(".java", ""), text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
