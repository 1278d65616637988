package dev.pacer.scheduler.definition;

import java.math.BigDecimal;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Marathon (Play JSON) reads {@code "instances": 3.0} as 3: a number written with a fraction of zero is an
 * integer. This rewrites every such number of a body into its integer form before binding, so an integer
 * field takes it and a decimal field reads the same value; {@code 3.5} stays as it is and an integer field
 * rejects it (422). Numbers beyond a {@code long} are left alone.
 */
final class IntegralNumbers {

    private IntegralNumbers() {
    }

    /** A copy of {@code node} with integral floating-point numbers written as integers. */
    static JsonNode normalized(JsonNode node) {
        if (node == null) {
            return null;
        }
        JsonNode copy = node.deepCopy();
        return rewrite(copy);
    }

    private static JsonNode rewrite(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return integral(node);
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode rewritten = rewrite(field.getValue());
                if (rewritten != field.getValue()) {
                    field.setValue(rewritten);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode rewritten = rewrite(array.get(i));
                if (rewritten != array.get(i)) {
                    array.set(i, rewritten);
                }
            }
        }
        return node;
    }

    private static JsonNode integral(JsonNode number) {
        if (number.isDouble() || number.isFloat()) {
            double value = number.doubleValue();
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return number;
            }
        }
        BigDecimal value = number.decimalValue();
        try {
            long exact = value.stripTrailingZeros().longValueExact();
            return exact >= Integer.MIN_VALUE && exact <= Integer.MAX_VALUE
                    ? JsonNodeFactory.instance.numberNode((int) exact) : JsonNodeFactory.instance.numberNode(exact);
        } catch (ArithmeticException e) {
            return number;
        }
    }
}
