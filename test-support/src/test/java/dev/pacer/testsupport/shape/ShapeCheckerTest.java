package dev.pacer.testsupport.shape;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The checker on small hand-written RAML ({@code src/test/resources/shape/types}) and JSON. */
class ShapeCheckerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ShapeChecker checker = new ShapeChecker(RamlTypes.load(dir()));

    private static final String GOOD_THING = """
            {"id":"web","state":"RUNNING","host":"h1","startedAt":"2026-12-02T15:16:25.476Z","ports":[31000],
             "labels":{"a":"b","c":"d"},"mode":"host","limit":"unlimited","count":2,
             "parts":[{"id":"part","state":"STAGING","mode":"host","limit":{"max":0.5}}]}""";

    @Test
    void anAnswerOfMarathonsShape_hasNoViolation() {
        assertThat(checker.check(json("{\"things\":[" + GOOD_THING + "]}"), "ThingList")).isEmpty();
        assertThat(checker.check(json("{\"things\":[]}"), "thing.ThingList")).isEmpty();
    }

    @Test
    void aKeyTheTypeDoesNotDeclare_isNamedWithItsPath() {
        List<Violation> violations = checker.check(json("{\"things\":[" + GOOD_THING.replace("\"host\":\"h1\"", "\"agentId\":\"a1\"")
                + "]}"), "ThingList");
        assertThat(violations).extracting(Violation::toString).containsExactly("things[0].agentId: not in Marathon's ThingInfo");
    }

    @Test
    void aKeyInANestedInlineObjectOrAParentsProperty_isChecked() {
        assertThat(checker.check(json(GOOD_THING.replace("{\"max\":0.5}", "{\"max\":0.5,\"min\":0}")), "ThingInfo"))
                .extracting(Violation::toString).containsExactly("parts[0].limit.min: not in Marathon's Bounded");
        // the pattern property /.*/ allows any label key, but its value must be a string
        assertThat(checker.check(json(GOOD_THING.replace("\"c\":\"d\"", "\"c\":1")), "ThingInfo"))
                .extracting(Violation::toString).containsExactly("labels.c: expected string, got a number 1");
    }

    @Test
    void aMissingRequiredKey_orAKeyWithADefault_isReported() {
        assertThat(checker.check(json("{\"id\":\"web\",\"mode\":\"host\"}"), "Thing")).extracting(Violation::toString)
                .containsExactly("state: missing: required in Marathon's Thing");
        // a default is always written; omitEmpty ones (args) are not
        assertThat(checker.check(json("{\"id\":\"web\",\"state\":\"RUNNING\"}"), "Thing")).extracting(Violation::toString)
                .containsExactly("mode: missing: Marathon's Thing always writes it (it has a default)");
    }

    @Test
    void whatTheCodeAlwaysSends_beyondTheRaml_isRequiredWhenGiven() {
        ShapeChecker strict = checker.alwaysSending("Thing", "host", "labels");
        assertThat(strict.check(json("{\"things\":[{\"id\":\"web\",\"state\":\"RUNNING\",\"mode\":\"host\",\"host\":\"h\"}]}"),
                "ThingList")).extracting(Violation::toString)
                .containsExactly("things[0].labels: missing: Marathon always sends it in Thing");
    }

    @Test
    void aTimestampWithoutMillisecondsOrWithNanoseconds_isNotMarathons() {
        assertThat(checker.check(json(GOOD_THING.replace("25.476Z", "25.476374905Z")), "ThingInfo")).extracting(Violation::toString)
                .containsExactly("startedAt: \"2026-12-02T15:16:25.476374905Z\" is not Marathon's timestamp format"
                        + " yyyy-MM-dd'T'HH:mm:ss.SSS'Z' (UTC, milliseconds)");
        // also where the type is a plain string or free-form
        assertThat(checker.check(json("{\"id\":\"web\",\"state\":\"RUNNING\",\"mode\":\"host\",\"host\":\"2026-12-02T15:16:25Z\"}"),
                "Thing")).hasSize(1);
        assertThat(checker.check(json("{\"at\":{\"when\":[\"2026-12-02T15:16:25.4+01:00\"]}}"), "Bag"))
                .extracting(Violation::path).containsExactly("at.when[0]");
    }

    @Test
    void wrongKinds_enumsAndUnions_areReported() {
        assertThat(checker.check(json(GOOD_THING.replace("\"RUNNING\"", "\"TASK_RUNNING\"")), "ThingInfo"))
                .extracting(Violation::toString).containsExactly("state: \"TASK_RUNNING\" is not one of Marathon's [RUNNING, STAGING]");
        assertThat(checker.check(json(GOOD_THING.replace("\"count\":2", "\"count\":2.5")), "ThingInfo"))
                .extracting(Violation::path).containsExactly("count");
        assertThat(checker.check(json(GOOD_THING.replace("\"unlimited\"", "\"endless\"")), "ThingInfo"))
                .extracting(Violation::path).containsExactly("limit");
        // an object of a union is held against the member declaring most of its keys
        assertThat(checker.check(json(GOOD_THING.replace("{\"max\":0.5}", "{\"max\":\"x\"}")), "ThingInfo"))
                .extracting(Violation::toString).containsExactly("parts[0].limit.max: expected number, got a string \"x\"");
        assertThat(checker.check(json("[]"), "ThingList")).extracting(Violation::toString)
                .containsExactly("(answer): expected an object (Marathon's ThingList), got an array");
    }

    @Test
    void anOwnLibrary_canWrapLoadedTypes() {
        RamlTypes types = RamlTypes.load(dir()).withLibrary("wrappers", """
                uses:
                  thing: thing.raml
                types:
                  ThingSingle:
                    properties:
                      thing: thing.ThingInfo
                """);
        assertThat(new ShapeChecker(types).check(json("{\"thing\":" + GOOD_THING + "}"), "wrappers.ThingSingle")).isEmpty();
        assertThat(new ShapeChecker(types).check(json("{\"thing\":{\"id\":\"x\",\"mode\":\"host\"}}"), "ThingSingle"))
                .extracting(Violation::toString).containsExactly("thing.state: missing: required in Marathon's ThingInfo");
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static Path dir() {
        try {
            return Path.of(ShapeCheckerTest.class.getResource("/shape/types").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
