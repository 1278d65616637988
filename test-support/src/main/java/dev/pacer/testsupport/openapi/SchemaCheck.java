package dev.pacer.testsupport.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The subset of JSON Schema (2020-12, as OpenAPI 3.1 uses it) that Pacer's document is written in, checked
 * over Jackson trees: {@code type} (one or a list, {@code "null"} included), {@code properties},
 * {@code required}, {@code additionalProperties} ({@code false} or a schema), {@code items}, {@code enum},
 * {@code pattern}, {@code minimum} and local {@code $ref}s. {@code format}, {@code description},
 * {@code default} and {@code example} are annotations. Any other keyword is reported as a violation, so the
 * document never states a rule that nobody checks.
 */
final class SchemaCheck {

    private static final Set<String> KEYWORDS = Set.of("$ref", "type", "properties", "required", "additionalProperties",
            "items", "enum", "pattern", "minimum", "format", "description", "default", "example");

    private final JsonNode document;

    SchemaCheck(JsonNode document) {
        this.document = document;
    }

    /** Follows {@code $ref}s ({@code #/a/b}) until a node without one. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref"); hops++) {
            String ref = current.get("$ref").asString();
            if (!ref.startsWith("#/") || hops > 32) {
                throw new IllegalArgumentException("unsupported or cyclic $ref " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("$ref " + ref + " names nothing in the document");
            }
            current = target;
        }
        return current;
    }

    /** Walks a schema and the schemas inside it, naming each keyword that {@link #check} would not check. */
    void keywordsNotChecked(JsonNode schemaOrRef, String at, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        unchecked(schema, at, out);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            keywordsNotChecked(property.getValue(), at + "." + property.getKey(), out);
        }
        if (schema.has("items")) {
            keywordsNotChecked(schema.get("items"), at + "[]", out);
        }
        if (schema.path("additionalProperties").isObject()) {
            keywordsNotChecked(schema.get("additionalProperties"), at + ".*", out);
        }
    }

    void check(JsonNode value, JsonNode schemaOrRef, String at, List<String> out) {
        JsonNode schema = resolve(schemaOrRef);
        unchecked(schema, at, out);
        if (schema.has("type") && !kindMatches(value, schema.get("type"))) {
            out.add(at + ": expected " + schema.get("type") + ", got " + kind(value) + " " + abbreviate(value));
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(at + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && value.isString()
                && !Pattern.compile(schema.get("pattern").asString()).matcher(value.asString()).find()) {
            out.add(at + ": '" + value.asString() + "' does not match " + schema.get("pattern").asString());
        }
        if (schema.has("minimum") && value.isNumber() && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
            out.add(at + ": " + value + " is below the minimum " + schema.get("minimum"));
        }
        if (value.isObject()) {
            object(value, schema, at, out);
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), at + "[" + i + "]", out);
            }
        }
    }

    private static void unchecked(JsonNode schema, String at, List<String> out) {
        for (String keyword : names(schema)) {
            if (!KEYWORDS.contains(keyword) && !keyword.startsWith("x-")) {
                out.add(at + ": the schema's keyword '" + keyword + "' is not checked (SchemaCheck)");
            }
        }
    }

    private void object(JsonNode value, JsonNode schema, String at, List<String> out) {
        for (JsonNode name : schema.path("required")) {
            if (!value.has(name.asString())) {
                out.add(at + "." + name.asString() + ": missing (required)");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.get("additionalProperties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
            String where = at + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(field.getValue(), properties.get(field.getKey()), where, out);
            } else if (additional != null && additional.isBoolean() && !additional.asBoolean()) {
                out.add(where + ": not in the schema (additionalProperties: false)");
            } else if (additional != null && additional.isObject()) {
                check(field.getValue(), additional, where, out);
            }
        }
    }

    private static boolean kindMatches(JsonNode value, JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (kindMatches(value, t)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asString()) {
            case "null" -> value.isNull();
            case "string" -> value.isString();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode v : values) {
            if (v.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> names(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.properties().forEach(e -> names.add(e.getKey()));
        return names;
    }

    private static String abbreviate(JsonNode value) {
        String text = value.toString();
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
