package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import tools.jackson.databind.JsonNode;

/** Shared helpers and request bodies for the app definition tests. */
final class AppFixtures {

    static final AppDefinitions DEFS = new AppDefinitions();

    /**
     * The body the Marathon Java client 0.6.3 sends for an app with a constraint, an env secret, health
     * and readiness checks, docker and a host network (marathon-client.md §3), plus the {@code secrets}
     * the secret reference needs and the read-only fields a {@code getApp()} round trip adds.
     */
    static final String CLIENT_APP = """
            {"id":"/foo/bar","cmd":"sleep 100","instances":2,"cpus":0.5,"mem":64.0,
             "constraints":[["hostname","UNIQUE",""]],
             "container":{"type":"DOCKER","docker":{"image":"nginx","forcePullImage":false,"privileged":false}},
             "env":{"A":"1","S":{"secret":"s1"}},"labels":{"k":"v"},"ports":[0],
             "healthChecks":[{"portIndex":0,"ignoreHttp1xx":false,"path":"/health","protocol":"HTTP"}],
             "readinessChecks":[{"name":"r","intervalSeconds":0,"timeoutSeconds":0,"preserveLastResponse":false}],
             "upgradeStrategy":{"minimumHealthCapacity":0.5},"networks":[{"mode":"host","labels":{}}],
             "secrets":{"s1":{"source":"/db/password"}},
             "tasks":[{"id":"foo_bar.instance-1._app.1","host":"h1"}],"tasksStaged":0,"tasksRunning":1,
             "tasksHealthy":0,"tasksUnhealthy":0,"deployments":[{"id":"97c136bf"}],
             "versionInfo":{"lastScalingAt":"2021-07-27T10:00:00.000Z","lastConfigChangeAt":"2021-07-27T10:00:00.000Z"},
             "lastTaskFailure":{"appId":"/foo/bar","message":"boom","state":"TASK_FAILED"}}
            """;

    private AppFixtures() {
    }

    static JsonNode json(String text) {
        return DEFS.json().parse(text);
    }

    static AppDefinition readNew(String body) {
        return DEFS.readNew(json(body));
    }

    /** The written app re-parsed, so that numbers compare by value with a parsed expectation. */
    static JsonNode written(AppDefinition app) {
        return json(DEFS.json().writeString(app));
    }
}
