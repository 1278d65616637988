package dev.pacer.testsupport.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.openapi.OpenApiSpec.Operation;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class OpenApiSpecTest {

    private static final String JSON = "application/json";

    private static final String TEXT = """
            openapi: 3.1.0
            paths:
              /api/things:
                get:
                  responses:
                    '200':
                      description: list
                      content:
                        application/json:
                          schema: {type: array, items: {$ref: '#/components/schemas/Thing'}}
                    '401': {$ref: '#/components/responses/Unauthorized'}
              /api/things/_stats:
                get:
                  responses:
                    '200': {description: stats, content: {application/json: {schema: {type: object}}}}
              /api/things/{path}:
                parameters:
                  - {name: path, in: path, required: true, x-pacer-segments: many, schema: {type: string}}
                delete:
                  responses:
                    '204': {description: gone}
                    '404': {$ref: '#/components/responses/Missing'}
              /api/items/{id}/log:
                servers: [{url: 'https://elsewhere'}]
                get:
                  responses:
                    '200': {description: text, content: {text/plain: {schema: {type: string}}}}
              /api/items/{id}:
                get:
                  responses:
                    '200': {description: one, content: {application/json: {schema: {$ref: '#/components/schemas/Thing'}}}}
            components:
              responses:
                Unauthorized:
                  description: the gateway's
                  x-pacer-answered-by: gateway
                  content: {application/json: {schema: {type: object}}}
                Missing:
                  description: none
                  content: {application/json: {schema: {type: object, required: [message]}}}
              schemas:
                Thing:
                  type: object
                  required: [name, size]
                  additionalProperties: false
                  properties:
                    name: {type: string, pattern: '^[a-z]+$'}
                    size: {type: integer, minimum: 1}
                    kind: {type: [string, 'null'], enum: [big, small, null]}
            """;
    private static final OpenApiSpec SPEC = fresh();

    @Test
    void aConformingAnswer_hasNoViolation_andCountsAsExercised() {
        OpenApiSpec spec = fresh();
        assertThat(spec.check("GET", "/api/things?x=1", 200, JSON, "[{\"name\":\"a\",\"size\":2,\"kind\":null}]")).isEmpty();
        assertThat(spec.exercised()).containsExactly(new Operation("GET", "/api/things"));
    }

    @Test
    void eachBrokenRule_isNamedWithItsPlace() {
        List<String> v = SPEC.check("GET", "/api/things", 200, JSON,
                "[{\"name\":\"A\",\"size\":0,\"kind\":\"huge\",\"extra\":1},{\"size\":\"3\"}]");
        assertThat(String.join("\n", v))
                .contains("$[0].name: 'A' does not match")
                .contains("$[0].size: 0 is below the minimum 1")
                .contains("$[0].kind: \"huge\" is not one of")
                .contains("$[0].extra: not in the schema")
                .contains("$[1].name: missing (required)")
                .contains("$[1].size: expected \"integer\", got string");
    }

    @Test
    void statusesAndBodies_mustBeDocumented() {
        assertThat(SPEC.check("GET", "/api/things", 500, JSON, "{}")).singleElement().asString()
                .contains("status 500 is not documented for GET /api/things");
        assertThat(SPEC.check("DELETE", "/api/things/a", 204, null, "oops")).singleElement().asString()
                .contains("without a body");
        assertThat(SPEC.check("GET", "/api/things", 200, "text/plain", "[]")).singleElement().asString()
                .contains("Content-Type text/plain");
        assertThat(SPEC.check("GET", "/api/things", 200, JSON, "[")).singleElement().asString().contains("not JSON");
        assertThat(SPEC.check("POST", "/api/things", 200, JSON, "[]")).singleElement().asString()
                .contains("no operation of the document matches");
    }

    @Test
    void textAnswers_areCheckedAsStrings_andOwnServersAreSeen() {
        assertThat(SPEC.check("GET", "/api/items/1/log", 200, "text/plain;charset=UTF-8", "line\n")).isEmpty();
        assertThat(SPEC.check("GET", "/api/items/1/log", 200, JSON, "{}")).singleElement().asString()
                .contains("Content-Type application/json, documented [text/plain]");
        assertThat(SPEC.hasOwnServers(new Operation("GET", "/api/items/{id}/log"))).isTrue();
        assertThat(SPEC.hasOwnServers(new Operation("GET", "/api/items/{id}"))).isFalse();
    }

    @Test
    void literalSegmentsWin_andManySegmentParametersTakeSeveral() {
        OpenApiSpec spec = fresh();
        assertThat(spec.check("GET", "/api/things/_stats", 200, JSON, "{}")).isEmpty();
        assertThat(spec.check("DELETE", "/api/things/a/b/c", 404, JSON, "{\"message\":\"no\"}")).isEmpty();
        assertThat(spec.check("DELETE", "/api/things/a/b", 404, JSON, "{}")).singleElement().asString()
                .contains("$.message: missing");
        assertThat(spec.check("GET", "/api/items/a/b", 200, JSON, "{}")).singleElement().asString()
                .contains("no operation");
        assertThat(spec.exercised()).containsExactly(new Operation("GET", "/api/things/_stats"),
                new Operation("DELETE", "/api/things/{path}"));
        assertThat(spec.answersSeen()).containsExactly("DELETE /api/things/{path} 404", "GET /api/things/_stats 200");
        assertThat(spec.coverageGaps("/api/things", Set.of("GET /api/things 200", "GET /api/things/_stats 200",
                "PUT /api/things 200"))).containsExactlyInAnyOrder("GET /api/things: never called",
                "DELETE /api/things/{path} 204: documented, never answered",
                "GET /api/things/_stats 200: exempt, but answered", "PUT /api/things 200: exempt, but not documented");
        assertThat(spec.documentedAnswers("/api/things", "gateway")).containsExactly("GET /api/things 401");
        assertThat(spec.documentedAnswers("/api/things", null)).containsExactly("DELETE /api/things/{path} 204",
                "DELETE /api/things/{path} 404", "GET /api/things 200", "GET /api/things/_stats 200");
    }

    @Test
    void notDescribed_findsMappedEndpointsTheDocumentLacks() {
        assertThat(SPEC.notDescribed(List.of(new Operation("GET", "/api/things"), new Operation("DELETE", "/api/things/**"),
                new Operation("GET", "/api/items/{itemId}"), new Operation("PUT", "/api/things/**"),
                new Operation("GET", "/api/things/_new"))))
                .containsExactlyInAnyOrder(new Operation("GET", "/api/things/_new"), new Operation("PUT", "/api/things/**"));
    }

    @Test
    void actuatorMappings_giveEachMethodOfEachPatternUnderThePrefix() {
        JsonNode answer = JsonMapper.builder().build().readTree("""
                {"contexts":{"svc":{"mappings":{"dispatcherServlets":{"dispatcherServlet":[
                  {"details":{"requestMappingConditions":{"methods":["GET","PUT"],"patterns":["/api/things/**"]}}},
                  {"details":{"requestMappingConditions":{"methods":[],"patterns":["/api/things/_any"]}}},
                  {"details":{"requestMappingConditions":{"methods":["GET"],"patterns":["/api/thingsmore","/error"]}}},
                  {"details":null}]}}}}}""");
        assertThat(ActuatorMappings.under(answer, "/api/things")).contains(new Operation("GET", "/api/things/**"),
                new Operation("PUT", "/api/things/**"), new Operation("DELETE", "/api/things/_any"))
                .hasSize(9);
    }

    @Test
    void aKeywordTheCheckerDoesNotKnow_isAViolation() {
        SchemaCheck check = new SchemaCheck(SPEC.root());
        List<String> out = new ArrayList<>();
        JsonNode schema = JsonMapper.builder().build().valueToTree(Map.of("type", "string", "maxLength", 3));
        check.check(JsonNodeFactory.instance.stringNode("abcd"), schema, "$", out);
        assertThat(out).singleElement().asString().contains("'maxLength' is not checked");
    }

    @Test
    void pacersOwnDocument_resolvesEveryReference_andUsesOnlyCheckedKeywords() {
        OpenApiSpec pacer = OpenApiSpec.classpath("openapi/pacer.yaml");
        assertThat(pacer.root().path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(pacer.operations()).isNotEmpty();
        assertThat(pacer.keywordsNotChecked()).isEmpty();
        assertThat(fresh().keywordsNotChecked()).isEmpty();
    }

    private static OpenApiSpec fresh() {
        return OpenApiSpec.read(new ByteArrayInputStream(TEXT.getBytes(StandardCharsets.UTF_8)));
    }
}
