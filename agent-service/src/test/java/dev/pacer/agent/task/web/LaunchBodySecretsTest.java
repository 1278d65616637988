package dev.pacer.agent.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.LaunchRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class LaunchBodySecretsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void secretReferencesAndGrant_surviveTheWayFromTheSchedulersJson() {
        LaunchRequest sent = new LaunchRequest("t.1", "/a", "v", "true", null, Map.of("A", "1"), null, null, null, 0.1, 16, 0, 3,
                null, Map.of("DB_PASSWORD", "/a/db"), Map.of("tls/cert", "/a/tls"), "pg1.x.y");

        LaunchRequest received = JSON.readValue(JSON.writeValueAsString(sent), LaunchBody.class).toRequest();

        assertThat(received.secretEnv()).isEqualTo(Map.of("DB_PASSWORD", "/a/db"));
        assertThat(received.secretFiles()).isEqualTo(Map.of("tls/cert", "/a/tls"));
        assertThat(received.secretGrant()).isEqualTo("pg1.x.y");
        assertThat(received.env()).isEqualTo(Map.of("A", "1"));
        assertThat(received.healthChecks()).isEqualTo(List.of());
    }
}
