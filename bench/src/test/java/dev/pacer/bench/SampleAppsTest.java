package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SampleAppsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void definition_isValidJson_ofOneToTwoKiB_withInstancesZero() {
        for (int i : new int[] {0, 7, 9_999, 99_999}) {
            String definition = SampleApps.definition(i);
            JsonNode app = JSON.readTree(definition);

            assertThat(definition.getBytes(StandardCharsets.UTF_8).length).isBetween(1024, 2048);
            assertThat(app.get("id").asString()).isEqualTo(SampleApps.id(i));
            assertThat(app.get("instances").asInt()).isZero();
            assertThat(app.get("env").size()).isGreaterThanOrEqualTo(10);
            assertThat(app.get("healthChecks").size()).isEqualTo(2);
            assertThat(app.get("constraints").size()).isEqualTo(2);
            assertThat(app.get("portDefinitions").size()).isEqualTo(1);
        }
    }

    @Test
    void ids_areDistinct_andValidMarathonPaths() {
        assertThat(SampleApps.id(42)).isEqualTo("/bench/team-02/app-00042");
        assertThat(AppId.parse(SampleApps.id(12_345)).toString()).isEqualTo(SampleApps.id(12_345));
    }

    @Test
    void labelChange_keepsTheLabels_andSetsTheRevision() {
        JsonNode original = JSON.readTree(SampleApps.definition(5)).get("labels");
        JsonNode changed = JSON.readTree(SampleApps.labelChange(5, 17)).get("labels");

        assertThat(changed.size()).isEqualTo(original.size());
        assertThat(changed.get("bench-rev").asString()).isEqualTo("17");
        assertThat(changed.get("team")).isEqualTo(original.get("team"));
    }
}
