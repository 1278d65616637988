package dev.pacer.testsupport.shape;

import static dev.pacer.testsupport.shape.ShapeCheckerTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.testsupport.shape.RamlType.ArrayType;
import dev.pacer.testsupport.shape.RamlType.ObjectType;
import dev.pacer.testsupport.shape.RamlType.Union;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Marathon's own RAML types (the directory in {@code pacer.marathon-schema.dir}, set by the root pom) load,
 * every reference resolves, and answers written as Marathon writes them (marathon-api.md §4.4, §5, §7) pass
 * while Pacer's known differences do not.
 */
class MarathonSchemaTest {

    private static final RamlTypes MARATHON = RamlTypes.marathon();
    private static final ShapeChecker CHECKER = new ShapeChecker(MARATHON);

    private static final String TASK = """
            {"id":"my-group_my-app.instance-564bd685-4c30-11e5-98c1-be5b2935a987._app.1","appId":"/my-group/my-app",
             "host":"srv7.example.com","slaveId":"agent-a","state":"TASK_RUNNING","stagedAt":"2015-08-26T20:23:39.463Z",
             "startedAt":"2015-08-26T20:23:44.678Z","version":"2015-04-17T04:00:14.171Z","ports":[31756],"servicePorts":[10000],
             "ipAddresses":[{"ipAddress":"10.0.0.7","protocol":"IPv4"}],
             "healthCheckResults":[{"alive":true,"consecutiveFailures":0,"firstSuccess":"2015-08-26T20:23:50.000Z",
               "lastSuccess":"2015-08-26T20:23:50.000Z","lastFailure":null,"lastFailureCause":null,
               "instanceId":"my-group_my-app.instance-564bd685-4c30-11e5-98c1-be5b2935a987"}],
             "region":"primary","zone":"a","role":"*"}""";

    @Test
    void everyMarathonType_loads_andEveryReferenceResolves() {
        assertThat(MARATHON.names()).hasSizeGreaterThan(150).contains("app.AppInfo", "task.Task", "group.GroupInfo",
                "deploymentEventsInfo.DeploymentStepInfo", "queue.Queue", "info.MarathonInfo", "metrics.Metrics");
        Set<RamlType> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        MARATHON.names().forEach(name -> visit(MARATHON.type(name), seen));
        assertThat(seen).hasSizeGreaterThan(300);
    }

    @Test
    void aTaskAsMarathonWritesIt_passes_andPacersAgentIdOrNanosecondsDoNot() {
        assertThat(CHECKER.check(json("{\"tasks\":[" + TASK + "]}"), "task.TaskList")).isEmpty();
        assertThat(CHECKER.check(json("{\"tasks\":[" + TASK.replace("\"slaveId\"", "\"agentId\"")
                .replace("23:39.463Z", "23:39.463374905Z") + "]}"), "TaskList")).extracting(Violation::toString).containsExactly(
                "tasks[0].agentId: not in Marathon's Task",
                "tasks[0].stagedAt: \"2015-08-26T20:23:39.463374905Z\" is not Marathon's timestamp format yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
                        + " (UTC, milliseconds)");
    }

    @Test
    void anAppAsMarathonWritesIt_passes_andAMissingDefaultIsReported() {
        String app = """
                {"id":"/foo","backoffFactor":1.15,"backoffSeconds":1,"cmd":"sleep 100","cpus":1.0,"disk":0.0,
                 "executor":"","instances":1,"labels":{},"maxLaunchDelaySeconds":300,"mem":128.0,"gpus":0,
                 "networks":[{"mode":"host"}],"portDefinitions":[{"port":10000,"name":"default","protocol":"tcp"}],
                 "requirePorts":false,"upgradeStrategy":{"maximumOverCapacity":1.0,"minimumHealthCapacity":1.0},
                 "version":"2021-07-27T10:00:00.000Z",
                 "versionInfo":{"lastScalingAt":"2021-07-27T10:00:00.000Z","lastConfigChangeAt":"2021-07-27T10:00:00.000Z"},
                 "killSelection":"YOUNGEST_FIRST","unreachableStrategy":{"inactiveAfterSeconds":0,"expungeAfterSeconds":0},
                 "role":"*","tasksStaged":0,"tasksRunning":1,"tasksHealthy":0,"tasksUnhealthy":0,"deployments":[],
                 "tasks":[TASK]}""".replace("TASK", TASK);
        assertThat(CHECKER.check(json("{\"apps\":[" + app + "]}"), "app.AppList")).isEmpty();
        assertThat(CHECKER.check(json(app.replace("\"backoffSeconds\":1,", "").replace("\"role\":\"*\",", "\"pacer\":{},")),
                "AppInfo")).extracting(Violation::toString).containsExactlyInAnyOrder(
                "pacer: not in Marathon's AppInfo",
                "backoffSeconds: missing: Marathon's AppInfo always writes it (it has a default)");
    }

    @Test
    void infoAsMarathonWritesIt_passes_andPacersConfigDoesNot() {
        String info = """
                {"name":"marathon","version":"1.11.0","buildref":"abc","elected":true,"leader":"h:8080","frameworkId":"f",
                 "marathon_config":{"access_control_allow_origin":null,"checkpoint":true,"features":[],"master":"zk://m/mesos",
                   "task_lost_expunge_initial_delay":300000,"task_lost_expunge_interval":30000,"webui_url":null},
                 "zookeeper_config":{"zk":"zk://z/marathon","zk_connection_timeout":10000,"zk_max_versions":50,
                   "zk_session_timeout":10000,"zk_timeout":10000},
                 "http_config":{"http_port":8080,"https_port":8443}}""";
        assertThat(CHECKER.check(json(info), "info.MarathonInfo")).isEmpty();
        assertThat(CHECKER.check(json(info.replace("\"zookeeper_config\"", "\"pacer_config\"")), "MarathonInfo"))
                .extracting(Violation::toString).contains("pacer_config: not in Marathon's MarathonInfo",
                        "zookeeper_config: missing: required in Marathon's MarathonInfo");
    }

    private static void visit(RamlType declared, Set<RamlType> seen) {
        RamlType type = RamlType.resolve(declared);
        if (!seen.add(type)) {
            return;
        }
        if (type instanceof ObjectType object) {
            object.properties().values().forEach(p -> visit(p.type(), seen));
            object.allPatterns().forEach(p -> visit(p.type(), seen));
        } else if (type instanceof ArrayType array) {
            visit(array.items(), seen);
        } else if (type instanceof Union union) {
            union.members().forEach(m -> visit(m, seen));
        }
    }
}
