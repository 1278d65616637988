package dev.pacer.health.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TargetResolverTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode app(String checks) {
        return JSON.readTree("{\"id\":\"/a\",\"version\":\"v1\",\"healthChecks\":" + checks + "}");
    }

    private static JsonNode task(String state) {
        return JSON.readTree("{\"taskId\":\"a.instance-6a4c2a4e-4c30-11e5-98c1-be5b2935a987._app.1\",\"appId\":\"/a\","
                + "\"host\":\"h1\",\"state\":\"" + state + "\",\"version\":\"v1\",\"ports\":[31000,31001],"
                + "\"startedAt\":\"2026-01-01T00:00:00Z\"}");
    }

    @Test
    void marathonSideChecks_resolveTheirPort_andAgentSideOnesAreLeftToTheAgent() {
        JsonNode app = app("[{\"protocol\":\"HTTP\",\"path\":\"/h\",\"portIndex\":1,\"intervalSeconds\":5,\"timeoutSeconds\":0},"
                + "{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}},{\"protocol\":\"TCP\",\"port\":31000},"
                + "{\"protocol\":\"HTTPS\",\"portIndex\":7}]");

        var targets = TargetResolver.targets(app, task("TASK_RUNNING"));

        assertThat(targets).extracting(CheckTarget::checkIndex, CheckTarget::protocol, CheckTarget::port)
                .containsExactly(Tuple.tuple(0, "HTTP", 31001), Tuple.tuple(2, "TCP", 31000));
        CheckTarget http = targets.get(0);
        assertThat(http.instanceId()).isEqualTo("a.instance-6a4c2a4e-4c30-11e5-98c1-be5b2935a987");
        assertThat(http.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(http.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(http.startedAt()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(targets.get(1).path()).isNull();
        assertThat(TargetResolver.hasCheckerChecks(app)).isTrue();
    }

    @Test
    void onlyRunningTasksAreChecked() {
        JsonNode app = app("[{\"protocol\":\"HTTP\",\"portIndex\":0}]");
        assertThat(TargetResolver.targets(app, task("TASK_STAGING"))).isEmpty();
        assertThat(TargetResolver.targets(app, task("TASK_KILLING"))).isEmpty();
        assertThat(TargetResolver.hasCheckerChecks(app("[{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"x\"}}]"))).isFalse();
    }

    @Test
    void aLiteralPortTheTaskDoesNotHold_isNeverProbed() {
        JsonNode app = app("[{\"protocol\":\"TCP\",\"port\":6379},{\"protocol\":\"HTTP\",\"port\":8761,\"path\":\"/\"},"
                + "{\"protocol\":\"HTTP\",\"port\":31001,\"path\":\"/\"}]");
        assertThat(TargetResolver.targets(app, task("TASK_RUNNING"))).extracting(CheckTarget::checkIndex, CheckTarget::port)
                .containsExactly(Tuple.tuple(2, 31001));
    }
}
