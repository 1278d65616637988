package dev.pacer.scheduler.definition;

import static dev.pacer.scheduler.definition.AppFixtures.readNew;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.marathon.app.AppDefinition;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppValidatorTest {

    private final AppValidator validator = new AppValidator();

    /** Reads {@code {"id":"/a","cmd":"x", <fields>}} and validates it. */
    private List<ErrorDetail> errorsOf(String fields) {
        return validator.validate(readNew("{\"id\":\"/a\",\"cmd\":\"x\"" + (fields.isEmpty() ? "" : "," + fields) + "}"));
    }

    private List<ErrorDetail> errorsOfBody(String body) {
        return validator.validate(readNew(body));
    }

    @Test
    void aHealthCheckOnAPortIndexTheAppDoesNotHave_isRejectedWithMarathonsMessage() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":1}]")).containsExactly(
                ErrorDetail.of("/healthChecks(0)/portIndex",
                        "Health check port indices must address an element of the ports array or container port mappings."));
        assertThat(errorsOf("\"portDefinitions\":[],\"healthChecks\":[{\"protocol\":\"TCP\"}]")).containsExactly(
                ErrorDetail.of("/healthChecks(0)/portIndex",
                        "Health check port indices must address an element of the ports array or container port mappings."));
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":8080}],"
                + "\"healthChecks\":[{\"protocol\":\"HTTP\",\"portIndex\":0},{\"protocol\":\"TCP\",\"port\":8080}]")).isEmpty();
    }

    @Test
    void aHealthCheckWithAnUnknownProtocol_isRejected() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"GOPHER\"}]")).containsExactly(
                ErrorDetail.of("/healthChecks(0)/protocol",
                        "must be one of HTTP, HTTPS, TCP, COMMAND, MESOS_HTTP, MESOS_HTTPS, MESOS_TCP"));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}}]")).isEmpty();
    }

    @Test
    void minimalApp_isValid() {
        assertThat(errorsOf("")).isEmpty();
    }

    @Test
    void id_mustBePresentValidAndNotRoot() {
        assertThat(errorsOfBody("{\"cmd\":\"x\"}")).containsExactly(ErrorDetail.of("/id", "is required"));
        assertThat(errorsOfBody("{\"id\":\"/\",\"cmd\":\"x\"}")).containsExactly(ErrorDetail.of("/id", "must not be root"));
        assertThat(errorsOfBody("{\"id\":\"/My_App\",\"cmd\":\"x\"}")).singleElement()
                .satisfies(d -> {
                    assertThat(d.path()).isEqualTo("/id");
                    assertThat(d.errors()).singleElement().asString().startsWith("must fully match regular expression");
                });
    }

    @Test
    void cmdArgsAndContainer_areExclusiveAsMarathonRequires() {
        String message = "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";
        assertThat(errorsOfBody("{\"id\":\"/a\"}")).containsExactly(ErrorDetail.of("/", message));
        assertThat(errorsOfBody("{\"id\":\"/a\",\"cmd\":\"x\",\"args\":[\"y\"]}")).containsExactly(ErrorDetail.of("/", message));
        assertThat(errorsOfBody("{\"id\":\"/a\",\"args\":[\"y\"]}")).isEmpty();
        assertThat(errorsOfBody("{\"id\":\"/a\",\"container\":{\"docker\":{\"image\":\"nginx\"}}}")).isEmpty();
        assertThat(errorsOfBody("{\"id\":\"/a\",\"cmd\":\"x\",\"container\":{\"docker\":{\"image\":\"nginx\"}}}")).isEmpty();
        assertThat(errorsOfBody("{\"id\":\"/a\",\"cmd\":\"\"}")).containsExactly(ErrorDetail.of("/cmd", "must not be an empty string"));
    }

    @Test
    void numbers_mustLieInTheirRanges() {
        assertThat(errorsOf("""
                "instances":-1,"cpus":0.0001,"mem":-1,"disk":-2,"gpus":-1,"backoffSeconds":-1,"backoffFactor":0.5,
                "maxLaunchDelaySeconds":-1,"taskKillGracePeriodSeconds":-1
                """)).containsExactly(
                ErrorDetail.of("/instances", "must be greater than or equal to 0"),
                ErrorDetail.of("/cpus", "must be greater than or equal to 0.001"),
                ErrorDetail.of("/mem", "must be greater than or equal to 0"),
                ErrorDetail.of("/disk", "must be greater than or equal to 0"),
                ErrorDetail.of("/gpus", "must be greater than or equal to 0"),
                ErrorDetail.of("/backoffSeconds", "must be greater than or equal to 0"),
                ErrorDetail.of("/backoffFactor", "must be greater than or equal to 1"),
                ErrorDetail.of("/maxLaunchDelaySeconds", "must be greater than or equal to 0"),
                ErrorDetail.of("/taskKillGracePeriodSeconds", "must be greater than or equal to 0"));
    }

    @Test
    void upgradeStrategy_mustLieBetweenZeroAndOne() {
        assertThat(errorsOf("\"upgradeStrategy\":{\"minimumHealthCapacity\":1.5,\"maximumOverCapacity\":-0.1}"))
                .containsExactly(
                        ErrorDetail.of("/upgradeStrategy/minimumHealthCapacity", "is greater than 1"),
                        ErrorDetail.of("/upgradeStrategy/maximumOverCapacity", "must be greater than or equal to 0"));
    }

    @Test
    void unreachableStrategy_inactiveMustNotExceedExpunge() {
        assertThat(errorsOf("\"unreachableStrategy\":{\"inactiveAfterSeconds\":600,\"expungeAfterSeconds\":300}"))
                .containsExactly(ErrorDetail.of("/unreachableStrategy/inactiveAfterSeconds",
                        "must be less than or equal to expungeAfterSeconds"));
        assertThat(errorsOf("\"unreachableStrategy\":{\"inactiveAfterSeconds\":-1,\"expungeAfterSeconds\":300}"))
                .containsExactly(ErrorDetail.of("/unreachableStrategy/inactiveAfterSeconds",
                        "must be greater than or equal to 0"));
        assertThat(errorsOf("\"unreachableStrategy\":\"disabled\"")).isEmpty();
    }

    @Test
    void portDefinitions_needUniqueNonZeroPortsAndUniqueNames() {
        assertThat(errorsOf("""
                "portDefinitions":[{"port":8080,"name":"http"},{"port":8080,"name":"http"},{"port":0},{"port":0}]
                """)).containsExactly(
                ErrorDetail.of("/portDefinitions(1)/port", "ports must be unique"),
                ErrorDetail.of("/portDefinitions(1)/name", "Port names must be unique."));
    }

    @Test
    void portDefinitions_checkRangeProtocolAndNameSyntax() {
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":70000,\"protocol\":\"sctp\",\"name\":\"Bad_Name\"}]"))
                .containsExactly(
                        ErrorDetail.of("/portDefinitions(0)/port", "is greater than 65535"),
                        ErrorDetail.of("/portDefinitions(0)/protocol", "must be one of tcp, udp, udp,tcp"),
                        ErrorDetail.of("/portDefinitions(0)/name",
                                "must fully match regular expression '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"));
    }

    @Test
    void portsAndDifferentPortDefinitions_cannotBothBeGiven() {
        assertThat(errorsOf("\"ports\":[1000],\"portDefinitions\":[{\"port\":2000}]"))
                .containsExactly(ErrorDetail.of("/", "cannot specify both ports and port definitions"));
        assertThat(errorsOf("\"ports\":[1000],\"portDefinitions\":[{\"port\":1000}]")).isEmpty();
    }

    @Test
    void portMappings_areNotAllowedWithHostNetworking() {
        assertThat(errorsOf("\"container\":{\"docker\":{\"image\":\"i\"},\"portMappings\":[{\"containerPort\":80}]}"))
                .containsExactly(ErrorDetail.of("/", "portMappings are not allowed with host-networking"));
    }

    @Test
    void portDefinitions_areNotAllowedWithContainerNetworking() {
        assertThat(errorsOf("\"networks\":[{\"mode\":\"container/bridge\"}],\"portDefinitions\":[{\"port\":0}]"))
                .containsExactly(ErrorDetail.of("/", "portDefinitions are only allowed with host-networking"));
    }

    @Test
    void networks_mustHaveAKnownModeAndAValidCombination() {
        assertThat(errorsOf("\"networks\":[{\"mode\":\"host\"},{\"mode\":\"overlay\"}]")).containsExactly(
                ErrorDetail.of("/networks(1)/mode", "must be one of host, container, container/bridge"),
                ErrorDetail.of("/networks", "must be a single host network, a single container/bridge network, "
                        + "or container networks only"));
    }

    @Test
    void envSecretReference_mustNameADeclaredSecret() {
        assertThat(errorsOf("\"env\":{\"DB_PASSWORD\":{\"secret\":\"db\"},\"PLAIN\":\"x\"},\"secrets\":{\"other\":{\"source\":\"/o\"}}"))
                .containsExactly(ErrorDetail.of("/env/DB_PASSWORD", "references an undefined secret"));
        assertThat(errorsOf("\"env\":{\"DB_PASSWORD\":{\"secret\":\"db\"}},\"secrets\":{\"db\":{\"source\":\"/db\"}}"))
                .isEmpty();
        assertThat(errorsOf("\"secrets\":{\"db\":{\"source\":\"\"}}"))
                .containsExactly(ErrorDetail.of("/secrets/db/source", "must not be empty"));
    }

    @Test
    void healthCheckPortIndex_mustAddressAPort() {
        String message = "Health check port indices must address an element of the ports array or container port mappings.";
        assertThat(errorsOf("\"healthChecks\":[{\"portIndex\":1}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/portIndex", message));
        assertThat(errorsOf("\"portDefinitions\":[],\"healthChecks\":[{\"protocol\":\"TCP\"}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/portIndex", message));
        assertThat(errorsOf("\"portDefinitions\":[],\"healthChecks\":[{\"protocol\":\"TCP\",\"port\":22}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/port", CheckRules.PORT_NOT_OWNED));
        assertThat(errorsOf("\"ports\":[0,0],\"healthChecks\":[{\"portIndex\":1}]")).isEmpty();
    }

    @Test
    void unknownHealthCheckProtocol_isRejected() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"GOPHER\"}]")).containsExactly(ErrorDetail.of(
                "/healthChecks(0)/protocol", "must be one of HTTP, HTTPS, TCP, COMMAND, MESOS_HTTP, MESOS_HTTPS, MESOS_TCP"));
    }

    @Test
    void commandHealthCheck_needsACommand() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"COMMAND\"}]")).containsExactly(ErrorDetail.of(
                "/healthChecks(0)/command", "a COMMAND health check needs a non-empty command.value"));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"COMMAND\",\"command\":{\"value\":\"true\"}}]")).isEmpty();
    }

    @Test
    void healthCheck_ipv6OnlyForMesosChecksOfDockerContainers() {
        assertThat(errorsOf("\"healthChecks\":[{\"ipProtocol\":\"IPv6\"}]")).containsExactly(ErrorDetail.of(
                "/healthChecks(0)/ipProtocol",
                "IPv6 can only be used for container type DOCKER and Mesos http/https/tcp health checks"));
        assertThat(errorsOf("\"healthChecks\":[{\"ipProtocol\":\"IPv5\",\"intervalSeconds\":-1}]")).containsExactly(
                ErrorDetail.of("/healthChecks(0)/intervalSeconds", "must be greater than or equal to 0"),
                ErrorDetail.of("/healthChecks(0)/ipProtocol", "must be one of IPv4, IPv6"));
    }

    @Test
    void readinessCheck_timeoutMustBeBelowIntervalAndPortNameMustNameAPort() {
        assertThat(errorsOf("""
                "portDefinitions":[{"port":0,"name":"http"}],
                "readinessChecks":[{"portName":"admin","intervalSeconds":5,"timeoutSeconds":5}]
                """)).containsExactly(
                ErrorDetail.of("/readinessChecks(0)/portName", "No port definition reference for portName admin"),
                ErrorDetail.of("/readinessChecks(0)/timeoutSeconds", "must be less than intervalSeconds"));
        assertThat(errorsOf("\"portDefinitions\":[{\"name\":\"http\"}],\"readinessChecks\":[{\"portName\":\"http\"}]"))
                .isEmpty();
    }

    @Test
    void javaClientReadinessCheckWithZeros_isAcceptedWhenItsPortExists() {
        assertThat(errorsOf("""
                "portDefinitions":[{"port":0,"name":"http-api"}],
                "readinessChecks":[{"name":"r","intervalSeconds":0,"timeoutSeconds":0,"preserveLastResponse":false}]
                """)).isEmpty();
    }

    @Test
    void javaClientExampleBody_failsOnlyOnTheReadinessPortNameItDoesNotSend() {
        assertThat(validator.validate(readNew(AppFixtures.CLIENT_APP))).containsExactly(ErrorDetail.of(
                "/readinessChecks(0)/portName", "No port definition reference for portName http-api"));
    }

    @Test
    void singleInstanceApp_allowsOneInstanceAndAStopThenStartUpgrade() {
        assertThat(errorsOf("""
                "labels":{"MARATHON_SINGLE_INSTANCE_APP":"true"},"instances":2,
                "upgradeStrategy":{"minimumHealthCapacity":0.5,"maximumOverCapacity":0}
                """)).containsExactly(
                ErrorDetail.of("/instances", "Single instance app may only have one instance"),
                ErrorDetail.of("/upgradeStrategy/minimumHealthCapacity",
                        "must be 0 for a single-instance app (MARATHON_SINGLE_INSTANCE_APP)"));
        assertThat(errorsOf("\"labels\":{\"MARATHON_SINGLE_INSTANCE_APP\":\"true\"}")).isEmpty();
    }

    @Test
    void killSelection_mustBeKnown() {
        assertThat(errorsOf("\"killSelection\":\"RANDOM\"")).containsExactly(
                ErrorDetail.of("/killSelection", "must be one of YOUNGEST_FIRST, OLDEST_FIRST"));
        assertThat(errorsOf("\"killSelection\":\"OLDEST_FIRST\"")).isEmpty();
    }

    @Test
    void container_checksTypeImageAndPullConfig() {
        assertThat(errorsOf("\"container\":{\"type\":\"RKT\"}")).containsExactly(
                ErrorDetail.of("/container/type", "must be one of DOCKER, MESOS"));
        assertThat(errorsOf("\"container\":{\"type\":\"DOCKER\"}")).containsExactly(
                ErrorDetail.of("/container/docker", "must be defined for container type DOCKER"));
        assertThat(errorsOf("\"container\":{\"docker\":{\"image\":\"\",\"pullConfig\":{\"secret\":\"cfg\"}}}"))
                .containsExactly(
                        ErrorDetail.of("/container/docker/image", "must not be empty"),
                        ErrorDetail.of("/container/docker/pullConfig",
                                "pullConfig is not supported with Docker containerizer",
                                "pullConfig.secret must refer to an existing secret"));
    }

    @Test
    void urisWithFetch_andInvalidDependencies_areReported() {
        assertThat(errorsOf("\"uris\":[\"http://a\"],\"fetch\":[{\"uri\":\"http://b\"}],\"dependencies\":[\"/Bad\"]"))
                .extracting(ErrorDetail::path).containsExactly("/uris", "/dependencies(0)");
    }

    @Test
    void everyFailure_isReportedTogether_onePathWithAllItsMessages() {
        List<ErrorDetail> errors = errorsOfBody("""
                {"id":"/a","cmd":"x","args":["y"],"instances":-1,"cpus":0,
                 "upgradeStrategy":{"minimumHealthCapacity":2},
                 "labels":{"MARATHON_SINGLE_INSTANCE_APP":"true"},
                 "env":{"S":{"secret":"nope"}},"healthChecks":[{"protocol":"UDP"}],"killSelection":"ANY"}
                """);

        assertThat(errors).containsExactly(
                ErrorDetail.of("/", "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'."),
                ErrorDetail.of("/instances", "must be greater than or equal to 0"),
                ErrorDetail.of("/cpus", "must be greater than or equal to 0.001"),
                ErrorDetail.of("/killSelection", "must be one of YOUNGEST_FIRST, OLDEST_FIRST"),
                ErrorDetail.of("/upgradeStrategy/minimumHealthCapacity", "is greater than 1",
                        "must be 0 for a single-instance app (MARATHON_SINGLE_INSTANCE_APP)"),
                ErrorDetail.of("/env/S", "references an undefined secret"),
                ErrorDetail.of("/healthChecks(0)/protocol",
                        "must be one of HTTP, HTTPS, TCP, COMMAND, MESOS_HTTP, MESOS_HTTPS, MESOS_TCP"));
    }

    @Test
    void appOver64KiB_isReportedOnItsLargestField() {
        String big = "x".repeat(70 * 1024);
        assertThat(errorsOf("\"labels\":{\"big\":\"" + big + "\"}"))
                .containsExactly(ErrorDetail.of("/labels", "exceeds the 64 KiB limit of an app record"));
        assertThat(errorsOfBody("{\"id\":\"/a\",\"cmd\":\"" + big + "\"}"))
                .containsExactly(ErrorDetail.of("/cmd", "exceeds the 64 KiB limit of an app record"));
        assertThat(errorsOf("\"env\":{\"A\":\"" + "y".repeat(40 * 1024) + "\",\"B\":\"" + "y".repeat(30 * 1024) + "\"}"))
                .containsExactly(ErrorDetail.of("/env", "exceeds the 64 KiB limit of an app record"));
        assertThat(errorsOf("\"labels\":{\"fits\":\"" + "z".repeat(60 * 1024) + "\"}")).isEmpty();
    }

    @Test
    void constraints_areLeftToThePluggedInConstraintValidator() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"constraints\":[[\"hostname\",\"NOPE\"]]}");
        AppValidator withParser = new AppValidator(constraints -> List.of(ErrorDetail.of("/constraints(0)", "bad operator")));

        assertThat(validator.validate(app)).isEmpty();
        assertThat(withParser.validate(app)).containsExactly(ErrorDetail.of("/constraints(0)", "bad operator"));
    }

    @Test
    void check_throwsMarathons422() {
        AppDefinition app = readNew("{\"id\":\"/a\",\"cmd\":\"x\",\"instances\":-1}");

        assertThatThrownBy(() -> validator.check(app)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.body().message()).isEqualTo("Object is not valid");
            assertThat(e.body().details()).containsExactly(ErrorDetail.of("/instances", "must be greater than or equal to 0"));
        });
    }

    @Test
    void prefixed_reRootsDetailsForBulkBodies() {
        assertThat(AppValidator.prefixed("/apps(2)", List.of(ErrorDetail.of("/id", "e"), ErrorDetail.of("/", "f"))))
                .containsExactly(ErrorDetail.of("/apps(2)/id", "e"), ErrorDetail.of("/apps(2)", "f"));
    }

    @Test
    void aLiteralHealthCheckPort_mustBeOneOfTheAppsOwnPorts() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"HTTP\",\"port\":6379}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/port", CheckRules.PORT_NOT_OWNED));
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":0}],\"healthChecks\":[{\"protocol\":\"MESOS_TCP\",\"port\":8761}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/port", CheckRules.PORT_NOT_OWNED));
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":0}],\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\",\"port\":0}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/port", CheckRules.PORT_NOT_OWNED));
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":9000},{\"port\":0}],"
                + "\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\",\"port\":9000}]")).isEmpty();
        assertThat(errorsOfBody("{\"id\":\"/a\",\"cmd\":\"x\",\"networks\":[{\"mode\":\"container/bridge\"}],"
                + "\"container\":{\"type\":\"MESOS\",\"docker\":{\"image\":\"i\"},"
                + "\"portMappings\":[{\"containerPort\":80,\"hostPort\":0}]},"
                + "\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\",\"port\":80}]}")).isEmpty();
    }

    @Test
    void anAgentSideHealthCheck_mustAddressAPortOfTheApp() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"MESOS_HTTP\",\"portIndex\":3}]")).containsExactly(
                ErrorDetail.of("/healthChecks(0)/portIndex",
                        "Health check port indices must address an element of the ports array or container port mappings."));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"MESOS_TCP\",\"portIndex\":-1}]")).extracting(ErrorDetail::path)
                .containsExactly("/healthChecks(0)/portIndex");
    }

    @Test
    void probePaths_mustStartWithASlash_andHoldNoControlCharacters() {
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"@169.254.169.254/latest/meta-data\"}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/path", CheckRules.PATH_START));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"MESOS_HTTPS\",\"path\":\"health\"}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/path", CheckRules.PATH_START));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/h\\r\\nHost: x\"}]"))
                .containsExactly(ErrorDetail.of("/healthChecks(0)/path", CheckRules.PATH_CONTROL));
        assertThat(errorsOf("\"portDefinitions\":[{\"port\":0,\"name\":\"http-api\"}],"
                + "\"readinessChecks\":[{\"path\":\"@10.0.0.1:80/x\"}]"))
                .containsExactly(ErrorDetail.of("/readinessChecks(0)/path", CheckRules.PATH_START));
        assertThat(errorsOf("\"healthChecks\":[{\"protocol\":\"HTTP\",\"path\":\"/health?full=1\"}]")).isEmpty();
    }

    @Test
    void idsLongerThanTheLimit_areRejected() {
        String segment = "a".repeat(100);
        String id = "/" + String.join("/", Collections.nCopies(6, segment));
        assertThat(errorsOfBody("{\"id\":\"" + id + "\",\"cmd\":\"x\"}"))
                .containsExactly(ErrorDetail.of("/id", "must not be longer than 512 characters"));
        assertThat(errorsOf("\"dependencies\":[\"" + id + "\"]"))
                .containsExactly(ErrorDetail.of("/dependencies(0)", "must not be longer than 512 characters"));
        assertThat(errorsOfBody("{\"id\":\"" + id.substring(0, 505) + "\",\"cmd\":\"x\"}")).isEmpty();
    }

    @Test
    void numbersThatOverflowToInfinity_areRejected() {
        assertThat(errorsOf("\"cpus\":1e999999,\"mem\":1e400")).containsExactly(
                ErrorDetail.of("/cpus", "must be a finite number"), ErrorDetail.of("/mem", "must be a finite number"));
        assertThat(errorsOf("\"backoffFactor\":1e999,\"resourceLimits\":{\"cpus\":1e999}")).extracting(ErrorDetail::path)
                .containsExactlyInAnyOrder("/backoffFactor", "/resourceLimits/cpus");
    }
}
