package dev.pacer.boot.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.runtime.ClusterPki;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallerPolicyTest {

    private final CallerPolicy policy = new CallerPolicy(List.of(CallerRules.builder()
            .allowMethod("GET", "/api/agent/tasks/**", Identities.SCHEDULER, Identities.OPERATOR)
            .allow("/api/agent/tasks/**", Identities.SCHEDULER)
            .allow("/api/secrets/_redeem", Identities.ANY_AGENT)
            .allow("/eureka/**", Identities.ANY)
            .build()));

    @Test
    void theFirstMatchingRuleDecides_byMethodAndPath() {
        assertThat(policy.refusal("POST", "/api/agent/tasks", "scheduler")).isEmpty();
        assertThat(policy.refusal("DELETE", "/api/agent/tasks/t1", "scheduler")).isEmpty();
        assertThat(policy.refusal("GET", "/api/agent/tasks/t1", "operator")).isEmpty();
        assertThat(policy.refusal("POST", "/api/agent/tasks", "operator")).get().asString()
                .isEqualTo("Caller 'operator' may not call POST /api/agent/tasks (allowed: scheduler)");
    }

    @Test
    void agentPatterns_matchEveryAgentButNothingElse() {
        assertThat(policy.refusal("POST", "/api/secrets/_redeem", "agent:agent-a")).isEmpty();
        assertThat(policy.refusal("POST", "/api/secrets/_redeem", "agent:")).isPresent();
        assertThat(policy.refusal("POST", "/api/secrets/_redeem", "agents")).isPresent();
        assertThat(policy.refusal("POST", "/api/secrets/_redeem", "gateway")).isPresent();
    }

    @Test
    void anyIdentity_isAnyCertifiedOne_neverNone() {
        assertThat(policy.refusal("POST", "/eureka/apps/X", "agent:b")).isEmpty();
        assertThat(policy.refusal("POST", "/eureka/apps/X", null)).get().asString().contains("client certificate");
    }

    @Test
    void actuator_isForTheOperatorAndPrometheus_andEverythingElseForTheOperatorOnly() {
        assertThat(policy.refusal("GET", "/actuator/prometheus", "prometheus")).isEmpty();
        assertThat(policy.refusal("GET", "/actuator/prometheus", "scheduler")).isPresent();
        assertThat(policy.refusal("GET", "/anything/else", "operator")).isEmpty();
        assertThat(policy.refusal("GET", "/anything/else", "prometheus")).isPresent();
    }

    @Test
    void anIdentityIsTheSubjectsCommonName() {
        var pki = ClusterPki.create("test CA");
        var issued = pki.issue("agent:agent-7", Duration.ofHours(1));
        assertThat(Identities.of(new X509Certificate[] {issued.certificate()})).contains("agent:agent-7");
        assertThat(Identities.agentId("agent:agent-7")).contains("agent-7");
        assertThat(Identities.agentId("scheduler")).isEmpty();
    }
}
