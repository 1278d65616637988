package dev.pacer.scheduler.definition;

import static dev.pacer.scheduler.definition.AppFixtures.CLIENT_APP;
import static dev.pacer.scheduler.definition.AppFixtures.DEFS;
import static dev.pacer.scheduler.definition.AppFixtures.json;
import static dev.pacer.scheduler.definition.AppFixtures.readNew;
import static dev.pacer.scheduler.definition.AppFixtures.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.VersionInfo;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class AppDefinitionJsonTest {

    @Test
    void minimalApp_writesTheShapeOfMarathonsGetApp() {
        AppDefinition app = readNew("{\"id\":\"foo\",\"cmd\":\"sleep 100\"}");

        // reference §4.4 without what the server adds later (version, counts, tasks, assigned service port)
        assertThat(written(app)).isEqualTo(json("""
                {"id":"/foo","backoffFactor":1.15,"backoffSeconds":1,"cmd":"sleep 100","cpus":1.0,"disk":0.0,
                 "executor":"","instances":1,"labels":{},"maxLaunchDelaySeconds":300,"mem":128.0,"gpus":0,
                 "networks":[{"mode":"host"}],"portDefinitions":[{"port":0,"name":"default","protocol":"tcp"}],
                 "requirePorts":false,"upgradeStrategy":{"maximumOverCapacity":1.0,"minimumHealthCapacity":1.0},
                 "killSelection":"YOUNGEST_FIRST","unreachableStrategy":{"inactiveAfterSeconds":0,"expungeAfterSeconds":0},
                 "role":"*"}
                """));
    }

    @Test
    void javaClientBody_roundTripsThroughReadAndWrite() {
        AppDefinition app = readNew(CLIENT_APP);
        JsonNode out = written(app);

        assertThat(out).isEqualTo(json("""
                {"id":"/foo/bar","cmd":"sleep 100","instances":2,"cpus":0.5,"mem":64.0,"disk":0.0,"gpus":0,
                 "executor":"","constraints":[["hostname","UNIQUE"]],"role":"*",
                 "env":{"A":"1","S":{"secret":"s1"}},"secrets":{"s1":{"source":"/db/password"}},"labels":{"k":"v"},
                 "portDefinitions":[{"port":0,"protocol":"tcp"}],"requirePorts":false,"networks":[{"mode":"host"}],
                 "container":{"type":"DOCKER","volumes":[],
                              "docker":{"image":"nginx","forcePullImage":false,"privileged":false,"parameters":[]}},
                 "healthChecks":[{"protocol":"HTTP","path":"/health","portIndex":0,"gracePeriodSeconds":300,
                                  "intervalSeconds":60,"timeoutSeconds":20,"maxConsecutiveFailures":3,
                                  "delaySeconds":15,"ignoreHttp1xx":false,"ipProtocol":"IPv4"}],
                 "readinessChecks":[{"name":"r","protocol":"HTTP","path":"/","portName":"http-api",
                                     "intervalSeconds":30,"timeoutSeconds":10,"httpStatusCodesForReady":[200],
                                     "preserveLastResponse":false}],
                 "upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":1.0},
                 "backoffSeconds":1,"backoffFactor":1.15,"maxLaunchDelaySeconds":300,"killSelection":"YOUNGEST_FIRST",
                 "unreachableStrategy":{"inactiveAfterSeconds":0,"expungeAfterSeconds":0}}
                """));
        assertThat(DEFS.readNew(out)).isEqualTo(app);
    }

    @Test
    void readOnlyAndUnknownFields_areIgnored() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","tasks":[{"id":"t"}],"tasksRunning":3,"deployments":[{"id":"d"}],
                 "lastTaskFailure":{"message":"m"},"tasksStats":{},"readinessCheckResults":[],"storeUrls":["u"],
                 "somethingNew":{"nested":true},"healthChecks":[{"protocol":"TCP","futureField":1}]}
                """);

        assertThat(app).isEqualTo(readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"protocol\":\"TCP\"}]}"));
        assertThat(written(app).has("tasks")).isFalse();
    }

    @Test
    void emptyOmitEmptyCollections_areNotWritten_whileAlwaysWrittenFieldsAre() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","args":[],"constraints":[],"dependencies":[],"env":{},"fetch":[],
                 "healthChecks":[],"readinessChecks":[],"secrets":{},"labels":{},"acceptedResourceRoles":null}
                """);
        JsonNode out = written(app);

        assertThat(out.propertyNames()).doesNotContain("args", "constraints", "dependencies", "env", "fetch",
                "healthChecks", "readinessChecks", "secrets", "acceptedResourceRoles", "user", "container",
                "version", "versionInfo", "tty", "residency", "taskKillGracePeriodSeconds");
        assertThat(out.propertyNames()).contains("labels", "networks", "portDefinitions", "executor",
                "requirePorts", "killSelection", "unreachableStrategy", "upgradeStrategy");
    }

    @Test
    void deprecatedPortsUrisAndIpAddress_areReadButNeverWritten() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"ports\":[8080,0],\"uris\":[\"http://h/a.tgz\"]}");
        JsonNode out = written(app);

        assertThat(out.has("ports")).isFalse();
        assertThat(out.has("uris")).isFalse();
        assertThat(out.has("ipAddress")).isFalse();
        assertThat(out.get("portDefinitions")).isEqualTo(
                json("[{\"port\":8080,\"protocol\":\"tcp\"},{\"port\":0,\"protocol\":\"tcp\"}]"));
        assertThat(out.get("fetch")).isEqualTo(
                json("[{\"uri\":\"http://h/a.tgz\",\"extract\":true,\"executable\":false,\"cache\":false}]"));
    }

    @Test
    void unreachableStrategy_readsAndWritesDisabledAndObjectForms() {
        AppDefinition disabled = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"unreachableStrategy\":\"disabled\"}");
        AppDefinition partial = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"unreachableStrategy\":{\"expungeAfterSeconds\":600}}");

        assertThat(disabled.unreachableStrategy()).isEqualTo(UnreachableStrategy.DISABLED);
        assertThat(written(disabled).get("unreachableStrategy").stringValue()).isEqualTo("disabled");
        assertThat(written(partial).get("unreachableStrategy"))
                .isEqualTo(json("{\"inactiveAfterSeconds\":0,\"expungeAfterSeconds\":600}"));
    }

    @Test
    void envValues_areStringsOrSecretReferences() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","env":{"PLAIN":"v","DB":{"secret":"db"}},"secrets":{"db":{"source":"/s/db"}}}
                """);

        assertThat(app.env()).containsEntry("PLAIN", EnvValue.of("v")).containsEntry("DB", EnvValue.secretRef("db"));
        assertThat(written(app).get("env")).isEqualTo(json("{\"PLAIN\":\"v\",\"DB\":{\"secret\":\"db\"}}"));
    }

    @Test
    void aMistypedField_isAnInvalidJson422NamingItsPath() {
        assertThatThrownBy(() -> readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"env\":{\"N\":5}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().message()).isEqualTo("Invalid JSON");
                    assertThat(e.body().details()).containsExactly(ErrorDetail.of("/env/N",
                            "expected a string or an object {\"secret\": \"<secret name>\"}"));
                });
        assertThatThrownBy(() -> readNew("{\"id\":\"/a\",\"instances\":\"many\"}"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.body().details()).containsExactly(ErrorDetail.of("/instances", "expected a number")));
        assertThatThrownBy(() -> readNew("{\"id\":\"/a\",\"healthChecks\":[{\"portIndex\":[]}]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().details())
                        .containsExactly(ErrorDetail.of("/healthChecks(0)/portIndex", "expected a number")));
    }

    @Test
    void nullsInsideArraysAndMaps_areAnInvalidJson422_butReadOnlyFieldsAreNotInspected() {
        assertThatThrownBy(() -> readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{},null]}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().details())
                        .containsExactly(ErrorDetail.of("/healthChecks(1)", "must not be null")));
        assertThatThrownBy(() -> readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"env\":{\"A\":null}}"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.body().details())
                        .containsExactly(ErrorDetail.of("/env/A", "must not be null")));
        assertThat(readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"tasks\":[null],\"user\":null}").user()).isNull();
    }

    @Test
    void aBodyThatIsNotAnObject_isAnInvalidJson422_andMalformedJsonA400() {
        assertThatThrownBy(() -> DEFS.readNew(json("[1]")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(422));
        assertThatThrownBy(() -> json("{\"id\":"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.body().message()).isEqualTo("Invalid JSON");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"id\":123,\"cmd\":\"x\"}                      | /id",
            "{\"id\":true,\"cmd\":\"x\"}                     | /id",
            "{\"id\":\"/a\",\"cmd\":5}                       | /cmd",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":\"3\"}   | /instances",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":3.5}     | /instances",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":true}    | /instances",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":\"\"}    | /instances",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"cpus\":\"0.1\"}      | /cpus",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"mem\":false}         | /mem",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"requirePorts\":1}    | /requirePorts",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"requirePorts\":\"true\"} | /requirePorts",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"args\":[1]}          | /args(0)",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"labels\":{\"k\":1}}   | /labels/k",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"portIndex\":\"0\"}]} | /healthChecks(0)/portIndex",
            "{\"id\":\"/a\",\"cmd\":\"x\",\"portDefinitions\":[{\"port\":\"80\"}]} | /portDefinitions(0)/port"})
    void noScalarIsCoerced_aWrongTypeIs422NamingItsPath(String body, String path) {
        assertThatThrownBy(() -> readNew(body))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().message()).isEqualTo("Invalid JSON");
                    assertThat(e.body().details()).extracting(ErrorDetail::path).containsExactly(path);
                });
    }

    @Test
    void aNumberWithAZeroFraction_isAnInteger_asMarathonReadsIt_andDecimalFieldsKeepTheirValue() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":3.0,\"gpus\":0.0,\"backoffSeconds\":1e1,"
                + "\"cpus\":1.0,\"mem\":64.50,\"portDefinitions\":[{\"port\":8080.0}],\"healthChecks\":[{\"portIndex\":0.0}]}");

        assertThat(app.instances()).isEqualTo(3);
        assertThat(app.gpus()).isZero();
        assertThat(app.backoffSeconds()).isEqualTo(10);
        assertThat(app.cpus()).isEqualTo(1.0);
        assertThat(app.mem()).isEqualTo(64.5);
        assertThat(app.portDefinitions().get(0).port()).isEqualTo(8080);
        assertThat(app.healthChecks().get(0).portIndex()).isZero();
        assertThat(written(app).path("instances").isIntegralNumber()).isTrue();
    }

    @Test
    void versionAndVersionInfo_areWrittenAsMarathonTimestamps() {
        Timestamp at = Timestamp.of(Instant.parse("2021-07-27T10:00:00.123456Z"));
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\"}").toBuilder()
                .version(at).versionInfo(new VersionInfo(at, at)).build();

        JsonNode out = written(app);

        assertThat(out.get("version").stringValue()).isEqualTo("2021-07-27T10:00:00.123Z");
        assertThat(out.get("versionInfo")).isEqualTo(json(
                "{\"lastScalingAt\":\"2021-07-27T10:00:00.123Z\",\"lastConfigChangeAt\":\"2021-07-27T10:00:00.123Z\"}"));
    }

    @Test
    void newApp_ignoresVersionFieldsOfTheBody() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"version\":\"2020-01-01T00:00:00.000Z\"}");

        assertThat(app.version()).isNull();
        assertThat(app.versionInfo()).isNull();
    }

    @Test
    void genericContainerParts_roundTripUnchanged() {
        AppDefinition app = readNew("""
                {"id":"/a","container":{"type":"MESOS","docker":{"image":"redis"},
                  "volumes":[{"containerPath":"data","persistent":{"size":10,"type":"root"},"mode":"RW"}],
                  "linuxInfo":{"seccomp":{"unconfined":true},"ipcInfo":{"mode":"PRIVATE","shmSize":64}}},
                 "check":{"http":{"portIndex":0,"path":"/ping"},"intervalSeconds":10}}
                """);

        JsonNode out = written(app);

        assertThat(out.at("/container/volumes/0")).isEqualTo(
                json("{\"containerPath\":\"data\",\"persistent\":{\"size\":10,\"type\":\"root\"},\"mode\":\"RW\"}"));
        assertThat(out.at("/container/linuxInfo/ipcInfo/shmSize").intValue()).isEqualTo(64);
        assertThat(out.get("check")).isEqualTo(json("{\"http\":{\"portIndex\":0,\"path\":\"/ping\"},\"intervalSeconds\":10}"));
        assertThat(List.copyOf(out.propertyNames()).get(0)).isEqualTo("id");
    }
}
