package dev.pacer.testsupport.shape;

import dev.pacer.testsupport.shape.RamlType.ArrayType;
import dev.pacer.testsupport.shape.RamlType.ObjectType;
import dev.pacer.testsupport.shape.RamlType.PatternProperty;
import dev.pacer.testsupport.shape.RamlType.Property;
import dev.pacer.testsupport.shape.RamlType.Scalar;
import dev.pacer.testsupport.shape.RamlType.Union;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Walks a JSON answer against a RAML type and lists every difference from Marathon's shape: a key Marathon's
 * type does not declare ({@code apps[0].tasks[0].agentId: not in Marathon's Task}), a key Marathon always
 * writes that is missing (RAML-required, a property with a {@code default} — Marathon's generated writers always
 * write those unless {@code omitEmpty}/{@code forceOptional} — or one given with {@link #alwaysSending}, for
 * what Marathon's code writes beyond its RAML), a value of the wrong JSON kind or outside an enum, and any
 * timestamp not in Marathon's format {@code yyyy-MM-dd'T'HH:mm:ss.SSS'Z'} (typed {@code datetime} or not).
 */
public final class ShapeChecker {

    /** Marathon's only timestamp format: UTC, milliseconds always present ({@code 2015-09-29T15:59:51.164Z}). */
    public static final Pattern MARATHON_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Pattern LOOKS_LIKE_TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}.*", Pattern.DOTALL);

    private final RamlTypes types;
    private final Map<String, Set<String>> alwaysSent;

    public ShapeChecker(RamlTypes types) {
        this(types, Map.of());
    }

    private ShapeChecker(RamlTypes types, Map<String, Set<String>> alwaysSent) {
        this.types = types;
        this.alwaysSent = alwaysSent;
    }

    /**
     * A checker that also requires {@code keys} in every object of type {@code typeName} (or of a type extending
     * it): what Marathon's code always writes although its RAML marks the key optional.
     */
    public ShapeChecker alwaysSending(String typeName, String... keys) {
        Map<String, Set<String>> more = new HashMap<>(alwaysSent);
        Set<String> set = new LinkedHashSet<>(more.getOrDefault(typeName, Set.of()));
        set.addAll(List.of(keys));
        more.put(typeName, Set.copyOf(set));
        return new ShapeChecker(types, Map.copyOf(more));
    }

    /** The differences of {@code answer} from the type named {@code typeName} ({@code task.TaskList}, {@code TaskList}). */
    public List<Violation> check(JsonNode answer, String typeName) {
        return check(answer, types.type(typeName));
    }

    public List<Violation> check(JsonNode answer, RamlType type) {
        List<Violation> violations = new ArrayList<>();
        walk(answer, type, "", violations);
        return violations;
    }

    private void walk(JsonNode node, RamlType declared, String path, List<Violation> out) {
        RamlType type = RamlType.resolve(declared);
        if (type instanceof Scalar scalar) {
            scalar(node, scalar, path, out);
        } else if (type instanceof ArrayType array) {
            if (!node.isArray()) {
                out.add(new Violation(path, "expected an array, got " + kind(node)));
                return;
            }
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), array.items(), path + "[" + i + "]", out);
            }
        } else if (type instanceof ObjectType object) {
            object(node, object, path, out);
        } else if (type instanceof Union union) {
            union(node, union, path, out);
        } else {
            throw new IllegalStateException("unresolved type " + declared);
        }
    }

    private void object(JsonNode node, ObjectType type, String path, List<Violation> out) {
        if (!node.isObject()) {
            out.add(new Violation(path, "expected an object (Marathon's " + type.name() + "), got " + kind(node)));
            return;
        }
        Map<String, Property> properties = type.properties();
        List<PatternProperty> patterns = type.allPatterns();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String key = field.getKey();
            String at = path.isEmpty() ? key : path + "." + key;
            Property property = properties.get(key);
            if (property != null) {
                if (field.getValue().isNull() && !property.required()) {
                    continue; // Marathon writes unset options as null (/v2/info)
                }
                walk(field.getValue(), property.type(), at, out);
                continue;
            }
            PatternProperty pattern = patterns.stream().filter(p -> p.pattern().matcher(key).matches()).findFirst().orElse(null);
            if (pattern != null) {
                walk(field.getValue(), pattern.type(), at, out);
            } else if (type.isOpen()) {
                timestamps(field.getValue(), at, out);
            } else {
                out.add(new Violation(at, "not in Marathon's " + type.name()));
            }
        }
        for (Property property : properties.values()) {
            if (!node.has(property.name()) && property.alwaysWritten()) {
                out.add(new Violation(at(path, property.name()), property.required()
                        ? "missing: required in Marathon's " + type.name()
                        : "missing: Marathon's " + type.name() + " always writes it (it has a default)"));
            }
        }
        for (String name : type.lineage()) {
            for (String key : alwaysSent.getOrDefault(name, Set.of())) {
                Property property = properties.get(key);
                if (!node.has(key) && (property == null || !property.alwaysWritten())) {
                    out.add(new Violation(at(path, key), "missing: Marathon always sends it in " + name));
                }
            }
        }
    }

    private void union(JsonNode node, Union union, String path, List<Violation> out) {
        List<RamlType> members = new ArrayList<>();
        List<List<Violation>> attempts = new ArrayList<>();
        for (RamlType member : union.members()) {
            List<Violation> attempt = new ArrayList<>();
            walk(node, member, path, attempt);
            if (attempt.isEmpty()) {
                return;
            }
            members.add(RamlType.resolve(member));
            attempts.add(attempt);
        }
        // the member of the node's own kind that declares most of its keys comes closest; then the fewest violations
        int best = 0;
        for (int i = 1; i < attempts.size(); i++) {
            int byKind = Boolean.compare(sameKind(node, members.get(i)), sameKind(node, members.get(best)));
            int byKeys = Integer.compare(declaredKeys(node, members.get(i)), declaredKeys(node, members.get(best)));
            if (byKind > 0 || (byKind == 0 && (byKeys > 0 || (byKeys == 0 && attempts.get(i).size() < attempts.get(best).size())))) {
                best = i;
            }
        }
        out.addAll(attempts.get(best));
    }

    private static boolean sameKind(JsonNode node, RamlType type) {
        return type instanceof ObjectType ? node.isObject() : type instanceof ArrayType ? node.isArray() : !node.isContainer();
    }

    private static int declaredKeys(JsonNode node, RamlType type) {
        if (!(type instanceof ObjectType object) || !node.isObject()) {
            return 0;
        }
        Map<String, Property> properties = object.properties();
        List<PatternProperty> patterns = object.allPatterns();
        return (int) node.propertyNames().stream().filter(key -> properties.containsKey(key)
                || patterns.stream().anyMatch(p -> p.pattern().matcher(key).matches())).count();
    }

    private static void scalar(JsonNode node, Scalar scalar, String path, List<Violation> out) {
        boolean fits = switch (scalar.kind()) {
            case "any" -> true;
            case "nil" -> node.isNull();
            case "number" -> node.isNumber();
            case "integer" -> node.isIntegralNumber();
            case "boolean" -> node.isBoolean();
            default -> node.isString(); // string, datetime, date-only, ...
        };
        if (!fits) {
            out.add(new Violation(path, "expected " + scalar.kind() + ", got " + kind(node) + " " + node));
            return;
        }
        if (!scalar.enumValues().isEmpty() && !scalar.enumValues().contains(node.asString())) {
            out.add(new Violation(path, node + " is not one of Marathon's " + scalar.enumValues()));
        }
        if (scalar.kind().equals("datetime") && !MARATHON_TIMESTAMP.matcher(node.asString()).matches()) {
            out.add(new Violation(path, timestampProblem(node)));
        } else {
            timestamps(node, path, out);
        }
    }

    /** Every string under {@code node} that looks like a timestamp must be in Marathon's format. */
    private static void timestamps(JsonNode node, String path, List<Violation> out) {
        if (node.isString()) {
            String text = node.asString();
            if (LOOKS_LIKE_TIMESTAMP.matcher(text).matches() && !MARATHON_TIMESTAMP.matcher(text).matches()) {
                out.add(new Violation(path, timestampProblem(node)));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                timestamps(node.get(i), path + "[" + i + "]", out);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                timestamps(field.getValue(), at(path, field.getKey()), out);
            }
        }
    }

    private static String timestampProblem(JsonNode node) {
        return node + " is not Marathon's timestamp format yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (UTC, milliseconds)";
    }

    private static String at(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String kind(JsonNode node) {
        return node.isObject() ? "an object" : node.isArray() ? "an array" : node.isString() ? "a string"
                : node.isNumber() ? "a number" : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : node.getNodeType().toString();
    }
}
