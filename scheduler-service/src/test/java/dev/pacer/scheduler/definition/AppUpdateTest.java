package dev.pacer.scheduler.definition;

import static dev.pacer.scheduler.definition.AppFixtures.DEFS;
import static dev.pacer.scheduler.definition.AppFixtures.json;
import static dev.pacer.scheduler.definition.AppFixtures.readNew;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.Network;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.VersionInfo;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppUpdateTest {

    private static final Timestamp V1 = Timestamp.of(Instant.parse("2021-07-27T10:00:00Z"));

    private final AppDefinition stored = readNew("""
            {"id":"/web","cmd":"serve","instances":3,"cpus":0.5,"mem":256,"labels":{"team":"a"},
             "env":{"MODE":"prod"},"portDefinitions":[{"port":0,"name":"http"}],"healthChecks":[{"path":"/ping"}]}
            """).toBuilder().version(V1).versionInfo(new VersionInfo(V1, V1)).build();

    private AppDefinition update(String body, UpdateMode mode) {
        return DEFS.readUpdate(json(body), stored, mode);
    }

    @Test
    void partialUpdate_keepsFieldsTheRequestLeavesOut() {
        AppDefinition updated = update("{\"instances\":5}", UpdateMode.PARTIAL);

        assertThat(updated).isEqualTo(stored.toBuilder().instances(5).build());
        assertThat(AppDefinitions.isScaleOnly(stored, updated)).isTrue();
    }

    @Test
    void partialUpdate_replacesFieldsTheRequestHas() {
        AppDefinition updated = update("{\"labels\":{\"team\":\"b\"},\"env\":{\"X\":\"1\"},\"mem\":64}", UpdateMode.PARTIAL);

        assertThat(updated.labels()).containsExactly(Map.entry("team", "b"));
        assertThat(updated.env()).containsExactly(Map.entry("X", EnvValue.of("1")));
        assertThat(updated.mem()).isEqualTo(64.0);
        assertThat(updated.cmd()).isEqualTo("serve");
        assertThat(updated.instances()).isEqualTo(3);
        assertThat(updated.portDefinitions()).containsExactly(new PortDefinition(0, "tcp", "http", null));
        assertThat(AppDefinitions.isScaleOnly(stored, updated)).isFalse();
    }

    @Test
    void partialUpdate_nullResetsAFieldToItsDefault() {
        AppDefinition updated = update("{\"cpus\":null,\"labels\":null}", UpdateMode.PARTIAL);

        assertThat(updated.cpus()).isEqualTo(1.0);
        assertThat(updated.labels()).isEmpty();
        assertThat(updated.mem()).isEqualTo(256.0);
    }

    @Test
    void partialUpdate_keepsIdAndVersion_evenWhenTheBodyNamesAnother() {
        AppDefinition updated = update("{\"id\":\"/elsewhere\",\"instances\":1}", UpdateMode.PARTIAL);

        assertThat(updated.id()).isEqualTo("/web");
        assertThat(updated.version()).isEqualTo(V1);
        assertThat(updated.versionInfo()).isEqualTo(new VersionInfo(V1, V1));
    }

    @Test
    void partialUpdate_argsReplaceTheStoredCmd() {
        AppDefinition updated = update("{\"args\":[\"serve\",\"--fast\"]}", UpdateMode.PARTIAL);

        assertThat(updated.cmd()).isNull();
        assertThat(updated.args()).containsExactly("serve", "--fast");
        assertThat(new AppValidator().validate(updated)).isEmpty();
    }

    @Test
    void partialUpdate_portsReplaceTheStoredPortDefinitions() {
        AppDefinition updated = update("{\"ports\":[8080]}", UpdateMode.PARTIAL);

        assertThat(updated.portDefinitions()).containsExactly(new PortDefinition(8080, "tcp", null, null));
        assertThat(updated.ports()).isNull();
    }

    @Test
    void partialUpdate_movingToBridgeNetworking_dropsStoredPortDefinitions() {
        AppDefinition updated = update("""
                {"networks":[{"mode":"container/bridge"}],"container":{"docker":{"image":"nginx"}}}
                """, UpdateMode.PARTIAL);

        assertThat(updated.networks()).containsExactly(new Network(null, Network.BRIDGE, null));
        assertThat(updated.portDefinitions()).isNull();
        assertThat(updated.container().portMappings()).hasSize(1);
        assertThat(new AppValidator().validate(updated)).isEmpty();
    }

    @Test
    void partialUpdate_movingBackToHostNetworking_dropsStoredPortMappings() {
        AppDefinition bridged = update("""
                {"networks":[{"mode":"container/bridge"}],"container":{"docker":{"image":"nginx"}}}
                """, UpdateMode.PARTIAL);

        AppDefinition host = DEFS.readUpdate(json("{\"networks\":[{\"mode\":\"host\"}]}"), bridged, UpdateMode.PARTIAL);

        assertThat(host.container().portMappings()).isNull();
        assertThat(host.portDefinitions()).containsExactly(new PortDefinition(0, "tcp", "default", null));
        assertThat(new AppValidator().validate(host)).isEmpty();
    }

    @Test
    void fullReplacement_resetsOmittedFieldsToDefaults() {
        AppDefinition replaced = update("{\"cmd\":\"other\"}", UpdateMode.FULL);

        assertThat(replaced.id()).isEqualTo("/web");
        assertThat(replaced.cmd()).isEqualTo("other");
        assertThat(replaced.instances()).isEqualTo(1);
        assertThat(replaced.cpus()).isEqualTo(1.0);
        assertThat(replaced.labels()).isEmpty();
        assertThat(replaced.env()).isEmpty();
        assertThat(replaced.healthChecks()).isEmpty();
        assertThat(replaced.portDefinitions()).containsExactly(new PortDefinition(0, "tcp", "default", null));
        assertThat(replaced.version()).isEqualTo(V1);
    }

    @Test
    void readOnlyFieldsInAnUpdate_areIgnored() {
        AppDefinition updated = update("{\"instances\":4,\"tasks\":[],\"tasksRunning\":3,\"deployments\":[]}",
                UpdateMode.PARTIAL);

        assertThat(updated).isEqualTo(stored.toBuilder().instances(4).build());
    }

    @Test
    void rollbackBody_isDetected() {
        assertThat(DEFS.rollbackVersion(json("{\"version\":\"2021-07-27T10:00:00.000Z\"}")))
                .contains(V1);
        assertThat(DEFS.rollbackVersion(json("{\"id\":\"/web\",\"version\":\"2021-07-27T12:00:00+02:00\"}")))
                .contains(V1);
        assertThat(DEFS.rollbackVersion(json("{\"version\":\"2021-07-27T10:00:00.000Z\",\"tasks\":[],\"cmd\":null}")))
                .contains(V1);
        assertThat(DEFS.rollbackVersion(json("{\"id\":\"/web\",\"instances\":2}"))).isEmpty();
        assertThat(DEFS.rollbackVersion(json("{\"id\":\"/web\"}"))).isEmpty();
    }

    @Test
    void versionWithOtherFields_isRejectedOnTheVersionPath() {
        assertThatThrownBy(() -> DEFS.rollbackVersion(json("{\"version\":\"2021-07-27T10:00:00.000Z\",\"instances\":2}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().details()).containsExactly(ErrorDetail.of("/version",
                            "The 'version' field may only be combined with the 'id' field."));
                });
        assertThatThrownBy(() -> update("{\"version\":\"2021-07-27T10:00:00.000Z\",\"cmd\":\"x\"}", UpdateMode.PARTIAL))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
    }

    @Test
    void rollbackVersionThatIsNotATimestamp_isAnInvalidJson422() {
        assertThatThrownBy(() -> DEFS.rollbackVersion(json("{\"version\":\"yesterday\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly("/version");
                });
    }

    @Test
    void aRollbackBodyGivenAsAnUpdate_isAProgrammingError() {
        assertThatThrownBy(() -> update("{\"version\":\"2021-07-27T10:00:00.000Z\"}", UpdateMode.PARTIAL))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scaleOnly_holdsForARecordReadBackFromStorage_whoseEmptyCollectionsAreLeftOut() {
        AppJson json = new AppJson();
        AppDefinition readBack = json.mapper().readValue(json.writeString(stored), AppDefinition.class);

        AppDefinition scaled = DEFS.readUpdate(json("{\"instances\":5}"), readBack, UpdateMode.PARTIAL);

        assertThat(readBack.args()).isNull();
        assertThat(AppDefinitions.isScaleOnly(readBack, scaled)).isTrue();
    }

    @Test
    void scaleOnly_isFalseForAnUnchangedApp() {
        assertThat(AppDefinitions.isScaleOnly(stored, stored)).isFalse();
        assertThat(AppDefinitions.isScaleOnly(stored, stored.toBuilder().instances(7).cmd("x").build())).isFalse();
    }
}
