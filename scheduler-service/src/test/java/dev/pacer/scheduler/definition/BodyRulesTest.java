package dev.pacer.scheduler.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.contract.error.ErrorDetail;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BodyRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RequestLimitsProperties LIMITS = new RequestLimitsProperties(DataSize.ofMegabytes(4),
            Duration.ofSeconds(10), 100, 1_000_000, 1024, 3, 20, 8192, List.of());

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void aBulkBodyOfMoreAppsThanTheLimit_is422() {
        assertThatCode(() -> BodyRules.checkBulk(json("[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]"), LIMITS))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BodyRules.checkBulk(json("[{},{},{},{}]"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().message()).isEqualTo("Object is not valid");
                    assertThat(e.body().details()).containsExactly(ErrorDetail.of("/", "must not hold more than 3 apps in one request"));
                });
    }

    @Test
    void aBulkBodyOfTheWrongShape_is422InvalidJson() {
        assertThatThrownBy(() -> BodyRules.checkBulk(json("{\"id\":\"a\"}"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> BodyRules.checkBulk(json("[{\"id\":1},\"x\",{\"id\":[\"a\"]}]"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.body().message()).isEqualTo("Invalid JSON");
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly("/(0)/id", "/(1)", "/(2)/id");
                });
    }

    @Test
    void appsOfNestedGroupsCountTogether() {
        assertThatCode(() -> BodyRules.checkGroup(json("{\"apps\":[{\"id\":\"a\"}],\"groups\":[{\"id\":\"g\",\"apps\":[{},{}]}]}"),
                LIMITS)).doesNotThrowAnyException();
        assertThatThrownBy(() -> BodyRules.checkGroup(json(
                "{\"apps\":[{\"id\":\"a\"}],\"groups\":[{\"id\":\"g\",\"apps\":[{}],\"groups\":[{\"id\":\"h\",\"apps\":[{},{}]}]}]}"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().details())
                        .containsExactly(ErrorDetail.of("/", "must not hold more than 3 apps in one request")));
    }

    @Test
    void groupFieldsAreNeverCoerced() {
        assertThatThrownBy(() -> BodyRules.checkGroup(json("{\"id\":5,\"scaleBy\":\"2\",\"version\":1,\"enforceRole\":\"yes\","
                + "\"dependencies\":[\"/a\",7],\"apps\":{},\"groups\":[{\"apps\":\"none\"}]}"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().message()).isEqualTo("Invalid JSON");
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly("/id", "/scaleBy", "/version",
                            "/enforceRole", "/dependencies(1)", "/apps", "/groups(0)/apps");
                });
        assertThatThrownBy(() -> BodyRules.checkGroup(json("[]"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void idsLongerThanTheLimit_are422() {
        assertThatThrownBy(() -> BodyRules.checkGroup(json("{\"id\":\"" + "g".repeat(21) + "\",\"apps\":[{\"id\":\""
                + "a".repeat(21) + "\"}]}"), LIMITS))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.body().message()).isEqualTo("Object is not valid");
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly("/id", "/apps(0)/id");
                });
        assertThatThrownBy(() -> BodyRules.checkIdLength("/" + "x".repeat(20), "/id", LIMITS))
                .isInstanceOf(ApiException.class);
    }
}
