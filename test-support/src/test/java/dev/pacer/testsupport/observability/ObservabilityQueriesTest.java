package dev.pacer.testsupport.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservabilityQueriesTest {

    @Test
    void selectors_areTheVectorSelectors_notFunctionsKeywordsOrGroupingLabels() {
        assertThat(ObservabilityQueries.selectors("""
                max(pacer_deployments_running) > 0
                and on() (sum by (outcome) (increase(pacer_deployments_ended_total{outcome=~"f.*"}[30m])) or on() vector(0)) == 0
                """)).containsExactly("pacer_deployments_running", "pacer_deployments_ended_total{outcome=~\"f.*\"}");
        assertThat(ObservabilityQueries.selectors("absent(pacer_scheduler_shards_held)"))
                .containsExactly("pacer_scheduler_shards_held");
        assertThat(ObservabilityQueries.selectors(
                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{application=\"gateway-service\", status=~\"5..\"} [5m]))) > 1e3"))
                .containsExactly("http_server_requests_seconds_bucket{application=\"gateway-service\", status=~\"5..\"}");
        assertThat(ObservabilityQueries.selectors("sum without (instance) (up) unless  up {job=\"a by (b)\"}"))
                .containsExactly("up", "up{job=\"a by (b)\"}");
    }
}
