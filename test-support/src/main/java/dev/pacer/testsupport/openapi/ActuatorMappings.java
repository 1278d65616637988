package dev.pacer.testsupport.openapi;

import dev.pacer.testsupport.openapi.OpenApiSpec.Operation;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The endpoints a running Spring app maps, read from its actuator {@code mappings} answer (every request
 * mapping its handler mappings hold, MVC or WebFlux: {@code requestMappingConditions} with methods and
 * patterns). A mapping without methods answers every method, so it stands for each of them.
 */
public final class ActuatorMappings {

    private static final List<String> EVERY_METHOD = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private ActuatorMappings() {
    }

    /** The mapped operations whose pattern is {@code prefix} or lies under it. */
    public static List<Operation> under(JsonNode mappingsAnswer, String prefix) {
        List<Operation> mapped = new ArrayList<>();
        for (JsonNode conditions : mappingsAnswer.findValues("requestMappingConditions")) {
            List<String> methods = new ArrayList<>();
            conditions.path("methods").forEach(m -> methods.add(m.asString()));
            for (JsonNode pattern : conditions.path("patterns")) {
                String p = pattern.asString();
                if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                    (methods.isEmpty() ? EVERY_METHOD : methods).forEach(m -> mapped.add(new Operation(m, p)));
                }
            }
        }
        return mapped;
    }
}
