package dev.pacer.scheduler.definition;

import static dev.pacer.scheduler.definition.AppFixtures.json;
import static dev.pacer.scheduler.definition.AppFixtures.readNew;
import static dev.pacer.scheduler.definition.AppFixtures.written;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Artifact;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.Network;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.contract.marathon.app.PortMapping;
import dev.pacer.contract.marathon.app.ReadinessCheck;
import dev.pacer.contract.marathon.app.UnreachableStrategy;
import dev.pacer.contract.marathon.app.UpgradeStrategy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppNormalizerTest {

    private final AppNormalizer normalizer = new AppNormalizer();

    @Test
    void omittedFields_getMarathonsDefaults() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\"}");

        assertThat(app.instances()).isEqualTo(1);
        assertThat(app.cpus()).isEqualTo(1.0);
        assertThat(app.mem()).isEqualTo(128.0);
        assertThat(app.disk()).isEqualTo(0.0);
        assertThat(app.gpus()).isZero();
        assertThat(app.executor()).isEmpty();
        assertThat(app.backoffSeconds()).isEqualTo(1);
        assertThat(app.backoffFactor()).isEqualTo(1.15);
        assertThat(app.maxLaunchDelaySeconds()).isEqualTo(300);
        assertThat(app.requirePorts()).isFalse();
        assertThat(app.networks()).containsExactly(Network.host());
        assertThat(app.portDefinitions()).containsExactly(new PortDefinition(0, "tcp", "default", null));
        assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(1.0, 1.0));
        assertThat(app.killSelection()).isEqualTo("YOUNGEST_FIRST");
        assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.enabled(0L, 0L));
        assertThat(app.role()).isEqualTo("*");
        assertThat(app.labels()).isEmpty();
        assertThat(app.env()).isEmpty();
        assertThat(app.args()).isEmpty();
        assertThat(app.constraints()).isEmpty();
        assertThat(app.acceptedResourceRoles()).isNull();
        assertThat(app.container()).isNull();
    }

    @Test
    void ports_becomePortDefinitions() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"ports\":[0,8080]}");

        assertThat(app.portDefinitions()).containsExactly(
                new PortDefinition(0, "tcp", null, null), new PortDefinition(8080, "tcp", null, null));
        assertThat(app.ports()).isNull();
    }

    @Test
    void emptyPortDefinitions_stayEmpty() {
        assertThat(readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"portDefinitions\":[]}").portDefinitions()).isEmpty();
        assertThat(readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"ports\":[]}").portDefinitions()).isEmpty();
    }

    @Test
    void ids_areMadeAbsoluteAndCanonical() {
        assertThat(readNew("{\"id\":\"//foo/bar\",\"cmd\":\"x\"}").id()).isEqualTo("/foo/bar");
        assertThat(readNew("{\"id\":\"foo/bar/\",\"cmd\":\"x\"}").id()).isEqualTo("/foo/bar");
        assertThat(readNew("{\"id\":\"foo\",\"cmd\":\"x\"}").id()).isEqualTo("/foo");
        assertThat(readNew("{\"id\":\"Not Valid\",\"cmd\":\"x\"}").id()).isEqualTo("Not Valid");
    }

    @Test
    void pathId_winsOverTheBodysId() {
        AppDefinition app = AppFixtures.DEFS.readNew(json("{\"id\":\"/other\",\"cmd\":\"x\"}"), AppId.parse("/mine"));

        assertThat(app.id()).isEqualTo("/mine");
    }

    @Test
    void dependencies_areResolvedAgainstTheAppsGroup() {
        AppDefinition app = readNew("{\"id\":\"/prod/web\",\"cmd\":\"x\",\"dependencies\":[\"db\",\"/ops/log\",\"../x\"]}");

        assertThat(app.dependencies()).containsExactly("/prod/db", "/ops/log", "/x");
    }

    @Test
    void javaClientLeniency_emptyConstraintValueCountsAsAbsent() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","constraints":[["hostname","UNIQUE",""],["rack","GROUP_BY","3"],["zone","CLUSTER"]]}
                """);

        assertThat(app.constraints()).containsExactly(
                List.of("hostname", "UNIQUE"), List.of("rack", "GROUP_BY", "3"), List.of("zone", "CLUSTER"));
    }

    @Test
    void javaClientLeniency_readinessZeroIntervalAndTimeoutMeanTheDefaults() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","portDefinitions":[{"name":"http-api"}],
                 "readinessChecks":[{"intervalSeconds":0,"timeoutSeconds":0}]}
                """);

        assertThat(app.readinessChecks()).containsExactly(new ReadinessCheck(
                "readinessCheck", "HTTP", "/", "http-api", 30, 10, List.of(200), false));
    }

    @Test
    void healthCheck_getsDefaultsAndPortIndexZeroWhenTheAppHasPorts() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{}]}");

        assertThat(app.healthChecks()).containsExactly(
                new HealthCheck("HTTP", "/", 0, null, null, 300, 60, 20, 3, 15, false, "IPv4"));
    }

    @Test
    void healthCheck_keepsNoPortIndex_whenItHasAPortOrTheAppHasNoPortsOrItIsACommand() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","portDefinitions":[],"healthChecks":[
                  {"protocol":"TCP"},{"protocol":"COMMAND","command":{"value":"true"}}]}
                """);
        AppDefinition withPort = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"healthChecks\":[{\"port\":8080}]}");

        assertThat(app.healthChecks()).extracting(HealthCheck::portIndex).containsExactly(null, null);
        assertThat(app.healthChecks().get(0).path()).isNull();
        assertThat(app.healthChecks().get(1).ignoreHttp1xx()).isNull();
        assertThat(withPort.healthChecks().get(0).portIndex()).isNull();
    }

    @Test
    void uris_becomeFetchEntries_extractingArchivesOnly() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"uris\":[\"http://h/a.tar.gz\",\"http://h/run.sh\"]}");

        assertThat(app.fetch()).containsExactly(new Artifact("http://h/a.tar.gz", true, false, false, null),
                new Artifact("http://h/run.sh", false, false, false, null));
        assertThat(app.uris()).isNull();
    }

    @Test
    void bridgeNetworking_getsADefaultPortMappingAndNoPortDefinitions() {
        AppDefinition app = readNew("""
                {"id":"/a","networks":[{"mode":"container/bridge"}],"container":{"docker":{"image":"nginx"}}}
                """);

        assertThat(app.portDefinitions()).isNull();
        assertThat(app.container().type()).isEqualTo(Container.DOCKER);
        assertThat(app.container().portMappings()).containsExactly(new PortMapping(0, 0, 0, "tcp", "default", null, null));
        assertThat(written(app).has("portDefinitions")).isFalse();
    }

    @Test
    void containerNetworkWithoutContainer_getsAMesosContainer() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"networks\":[{\"name\":\"dcos\"}]}");

        assertThat(app.networks()).containsExactly(new Network("dcos", "container", null));
        assertThat(app.container().type()).isEqualTo(Container.MESOS);
        assertThat(app.container().portMappings()).containsExactly(new PortMapping(0, null, 0, "tcp", "default", null, null));
    }

    @Test
    void deprecatedDockerNetworkAndPortMappings_moveToNetworksAndContainer() {
        AppDefinition app = readNew("""
                {"id":"/a","container":{"type":"DOCKER","docker":{"image":"nginx","network":"BRIDGE",
                  "portMappings":[{"containerPort":80,"name":"http"}]}}}
                """);

        assertThat(app.networks()).containsExactly(new Network(null, Network.BRIDGE, null));
        assertThat(app.container().docker().network()).isNull();
        assertThat(app.container().docker().portMappings()).isNull();
        assertThat(app.container().portMappings()).containsExactly(new PortMapping(80, 0, 0, "tcp", "http", null, null));
    }

    @Test
    void singleInstanceLabel_defaultsTheUpgradeStrategyToStopThenStart() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"labels\":{\"MARATHON_SINGLE_INSTANCE_APP\":\"true\"}}");

        assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(0.0, 0.0));
    }

    @Test
    void partialUpgradeAndUnreachableStrategies_areCompleted() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","upgradeStrategy":{"maximumOverCapacity":0.2},
                 "unreachableStrategy":{"inactiveAfterSeconds":60}}
                """);

        assertThat(app.upgradeStrategy()).isEqualTo(new UpgradeStrategy(1.0, 0.2));
        assertThat(app.unreachableStrategy()).isEqualTo(UnreachableStrategy.enabled(60L, 0L));
    }

    @Test
    void normalisation_isIdempotent() {
        for (String body : List.of(AppFixtures.CLIENT_APP, "{\"id\":\"a\",\"cmd\":\"x\",\"ports\":[1,2]}",
                "{\"id\":\"/a\",\"networks\":[{\"mode\":\"container/bridge\"}],\"container\":{\"docker\":{\"image\":\"i\"}}}",
                "{\"id\":\"/a\",\"cmd\":\"x\",\"residency\":{},\"uris\":[\"http://h/x.zip\"]}")) {
            AppDefinition once = readNew(body);
            assertThat(normalizer.normalize(once)).isEqualTo(once);
        }
    }

    @Test
    void labelsAndAcceptedRoles_keepTheirOrder() {
        AppDefinition app = readNew("""
                {"id":"/a","cmd":"x","labels":{"z":"1","a":"2","m":"3"},"acceptedResourceRoles":["b","*","b"]}
                """);

        assertThat(app.labels()).containsExactly(Map.entry("z", "1"), Map.entry("a", "2"), Map.entry("m", "3"));
        assertThat(app.acceptedResourceRoles()).containsExactly("b", "*");
    }
}
