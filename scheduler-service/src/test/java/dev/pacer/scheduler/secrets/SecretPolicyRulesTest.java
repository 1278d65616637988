package dev.pacer.scheduler.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AgentId;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.SecretDef;
import dev.pacer.contract.secrets.GrantCodec;
import dev.pacer.contract.secrets.SecretPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SecretPolicyRulesTest {

    private static AppDefinition app(String id, Map<String, String> sources) {
        String secrets = sources.entrySet().stream().map(e -> "\"" + e.getKey() + "\":{\"source\":\"" + e.getValue() + "\"}")
                .reduce((a, b) -> a + "," + b).orElse("");
        return JsonMapper.builder().build().readValue("{\"id\":\"" + id + "\",\"cmd\":\"x\",\"secrets\":{" + secrets + "}}",
                AppDefinition.class);
    }

    @Test
    void defaultPolicy_sameTopLevelGroup() {
        SecretPolicyRules rules = new SecretPolicyRules(SecretPolicy.sameTopLevelGroup());
        assertThat(rules.apply(app("/payments/web", Map.of("db", "/payments/db")))).isEmpty();
        assertThat(rules.apply(app("/payments/web", Map.of("db", "/billing/db"))))
                .singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("/secrets/db/source"));
        assertThat(rules.apply(app("/payments/web", Map.of("db", "not-a-path"))))
                .singleElement().satisfies(d -> assertThat(d.path()).isEqualTo("/secrets/db/source"));
    }

    @Test
    void grantIssuer_signsTaskAgentAndSortedPaths_orNothingWithoutPaths() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        GrantCodec codec = new GrantCodec(new byte[32]);
        AtomicInteger issued = new AtomicInteger();
        GrantIssuer issuer = new GrantIssuer(codec, Duration.ofMinutes(5), clock, ok -> issued.incrementAndGet());
        TaskId task = TaskId.newTask(AppId.parse("/payments/web"));

        String token = issuer.issue(task, AppId.parse("/payments/web"), AgentId.parse("agent-a"), List.of("/p/b", "/p/a"));

        var grant = codec.verify(token);
        assertThat(grant.taskId()).isEqualTo(task.toString());
        assertThat(grant.paths()).containsExactly("/p/a", "/p/b");
        assertThat(grant.expiresAt()).isEqualTo(Instant.parse("2026-01-01T00:05:00Z"));
        assertThat(issuer.issue(task, AppId.parse("/payments/web"), AgentId.parse("agent-a"), List.of())).isNull();
        assertThat(new GrantIssuer(null, Duration.ofMinutes(5), clock, ok -> { }).issue(task,
                AppId.parse("/payments/web"), AgentId.parse("agent-a"), List.of("/p/a"))).isNull();
        assertThat(issued).hasValue(1);
        assertThat(new SecretDef("/x").source()).isEqualTo("/x");
    }
}
