package dev.pacer.boot.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

class JsonLimitsTest {

    record Sample(String id, Integer instances, Double cpus, Boolean requirePorts, List<String> args,
                  Map<String, String> labels) {
    }

    private final JsonMapper strict = JsonLimits.strictScalars(JsonMapper.builder()).build();

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":123}", "{\"id\":1.5}", "{\"id\":true}", "{\"instances\":\"3\"}",
            "{\"instances\":3.5}", "{\"instances\":3.0}", "{\"instances\":true}", "{\"instances\":\"\"}",
            "{\"cpus\":\"0.1\"}", "{\"cpus\":true}", "{\"cpus\":\"\"}", "{\"requirePorts\":1}",
            "{\"requirePorts\":\"true\"}", "{\"args\":[1]}", "{\"args\":[false]}", "{\"labels\":{\"a\":1}}",
            "{\"args\":\"x\"}", "{\"instances\":[3]}"})
    void noScalarIsCoerced(String body) {
        assertThatThrownBy(() -> strict.readValue(body, Sample.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void valuesOfTheRightTypeStillRead_andAnIntegerIsANumber() {
        Sample sample = strict.readValue("{\"id\":\"/a\",\"instances\":3,\"cpus\":1,\"requirePorts\":true,"
                + "\"args\":[\"x\"],\"labels\":{\"a\":\"b\"}}", Sample.class);
        assertThat(sample).isEqualTo(new Sample("/a", 3, 1.0, true, List.of("x"), Map.of("a", "b")));
    }

    @Test
    void theStreamLimitsHold() {
        RequestLimitsProperties defaults = RequestLimitsProperties.defaults();
        RequestLimitsProperties limits = new RequestLimitsProperties(DataSize.ofBytes(2000), defaults.bodyReadTimeout(),
                10, 100, 20, 1000, 512, 8192, List.of());
        JsonMapper mapper = JsonMapper.builder(JsonLimits.factory(limits)).build();
        assertThat(mapper.readTree("[".repeat(10) + "]".repeat(10)).isArray()).isTrue();
        assertThatThrownBy(() -> mapper.readTree("[".repeat(11) + "]".repeat(11)))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("nesting depth");
        assertThatThrownBy(() -> mapper.readTree("\"" + "x".repeat(101) + "\""))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("String value length");
        assertThatThrownBy(() -> mapper.readTree("{\"" + "k".repeat(21) + "\":1}"))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("Name length");
        assertThatThrownBy(() -> mapper.readTree("[" + "1,".repeat(1000) + "1]"))
                .isInstanceOf(StreamConstraintsException.class).hasMessageContaining("Document length");
    }
}
