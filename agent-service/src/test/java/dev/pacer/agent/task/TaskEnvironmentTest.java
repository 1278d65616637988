package dev.pacer.agent.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.task.LaunchRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskEnvironmentTest {

    private static final Path SANDBOX = Path.of("/var/lib/pacer/sandboxes/t1");
    private static final Map<String, String> AGENT_ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
            "JAVA_HOME", "/opt/jdk", "AWS_SECRET_ACCESS_KEY", "agent-secret", "HOME", "/root");

    @Test
    void agentEnvironment_isNotInherited_exceptPathLocaleAndTimezone() {
        Map<String, String> env = TaskEnvironment.build(request(List.of(), List.of(), Map.of(), Map.of()), AGENT_ENV, "node1", SANDBOX);

        assertThat(env).containsEntry("PATH", "/usr/bin:/bin").containsEntry("LANG", "C.UTF-8")
                .doesNotContainKeys("JAVA_HOME", "AWS_SECRET_ACCESS_KEY", "LC_ALL", "TZ")
                .containsEntry("HOME", SANDBOX.toString());
    }

    @Test
    void ports_becomeIndexedNamedAndListVariables() {
        Map<String, String> env = TaskEnvironment.build(
                request(List.of(31000, 31005, 31007), Arrays.asList("http", null, "admin-api.v2"), Map.of(), Map.of()),
                AGENT_ENV, "node1", SANDBOX);

        assertThat(env).containsEntry("PORT0", "31000").containsEntry("PORT1", "31005").containsEntry("PORT2", "31007")
                .containsEntry("PORT", "31000").containsEntry("PORTS", "31000,31005,31007")
                .containsEntry("PORT_HTTP", "31000").containsEntry("PORT_ADMIN_API_V2", "31007")
                .doesNotContainKey("PORT_NULL");
    }

    @Test
    void noPorts_meansNoPortVariables() {
        Map<String, String> env = TaskEnvironment.build(request(List.of(), List.of(), Map.of(), Map.of()), AGENT_ENV, "n", SANDBOX);

        assertThat(env).doesNotContainKeys("PORT", "PORTS", "PORT0");
    }

    @Test
    void marathonVariables_winOverTheAppsEnv_whichWinsOverInheritedOnes() {
        Map<String, String> env = TaskEnvironment.build(request(List.of(31000), List.of(),
                Map.of("PORT0", "1", "HOST", "elsewhere", "PATH", "/app/bin", "HOME", "/home/app", "DB", "x"), Map.of()),
                AGENT_ENV, "node1", SANDBOX);

        assertThat(env).containsEntry("PORT0", "31000").containsEntry("HOST", "node1")
                .containsEntry("PATH", "/app/bin").containsEntry("HOME", "/home/app").containsEntry("DB", "x");
    }

    @Test
    void taskIdentityAndResources_areExported() {
        Map<String, String> env = TaskEnvironment.build(request(List.of(), List.of(), Map.of(), Map.of()), AGENT_ENV, "node1", SANDBOX);

        assertThat(env).containsEntry("MARATHON_APP_ID", "/prod/web").containsEntry("MARATHON_APP_VERSION", "v7")
                .containsEntry("MESOS_TASK_ID", "prod_web.instance-1._app.1")
                .containsEntry("MESOS_SANDBOX", SANDBOX.toString())
                .containsEntry("MARATHON_APP_RESOURCE_CPUS", "0.5").containsEntry("MARATHON_APP_RESOURCE_MEM", "128.0")
                .containsEntry("MARATHON_APP_RESOURCE_DISK", "0.0");
    }

    @Test
    void labels_areNormalisedAndListed() {
        Map<String, String> env = TaskEnvironment.build(request(List.of(), List.of(), Map.of(),
                Map.of("owner.team", "core", "HAPROXY_0_VHOST", "a.example", "tier", "web")), AGENT_ENV, "n", SANDBOX);

        assertThat(env).containsEntry("MARATHON_APP_LABELS", "HAPROXY_0_VHOST OWNER_TEAM TIER")
                .containsEntry("MARATHON_APP_LABEL_OWNER_TEAM", "core")
                .containsEntry("MARATHON_APP_LABEL_HAPROXY_0_VHOST", "a.example")
                .containsEntry("MARATHON_APP_LABEL_TIER", "web");
    }

    @Test
    void names_areUpperCasedWithOtherCharactersReplaced() {
        assertThat(TaskEnvironment.portName("web-ui.v1")).isEqualTo("WEB_UI_V1");
        assertThat(TaskEnvironment.labelName("com.example/owner_x")).isEqualTo("COM_EXAMPLE_OWNER_X");
    }

    private static LaunchRequest request(List<Integer> ports, List<String> portNames, Map<String, String> env,
                                         Map<String, String> labels) {
        return new LaunchRequest("prod_web.instance-1._app.1", "/prod/web", "v7", "run", null, env, labels, ports,
                portNames.isEmpty() ? null : portNames, 0.5, 128, 0, 3);
    }
}
