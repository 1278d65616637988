package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Artifact;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.SecretDef;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Validation of what a task runs and what it is given: {@code cmd}/{@code args}/container and executor;
 * environment, secrets and fetched artifacts.
 */
final class CommandRules {

    static final String NEEDS_CMD_ARGS_OR_CONTAINER =
            "AppDefinition must either contain one of 'cmd' or 'args', and/or a 'container'.";
    static final String UNDEFINED_SECRET = "references an undefined secret";

    private static final String EXECUTOR_REGEX = "^(//cmd)|(/?[^/]+(/[^/]+)*)|$";
    private static final Pattern EXECUTOR = Pattern.compile(EXECUTOR_REGEX);

    private CommandRules() {
    }

    /** {@code cmd} or {@code args} (not both), or a container; the executor's name. */
    static void command(AppDefinition app, Violations v) {
        v.check(app.cmd() == null || !app.cmd().isEmpty(), "/cmd", "must not be an empty string");
        boolean cmd = app.cmd() != null;
        boolean args = app.args() != null && !app.args().isEmpty();
        Container c = app.container();
        boolean container = c != null && c.docker() != null
                && (Container.DOCKER.equals(c.type()) || Container.MESOS.equals(c.type()));
        v.check((cmd ^ args) || (!(cmd && args) && container), "/", NEEDS_CMD_ARGS_OR_CONTAINER);
        v.check(app.executor() == null || EXECUTOR.matcher(app.executor()).matches(), "/executor",
                "must fully match regular expression '" + EXECUTOR_REGEX + "'");
    }

    /** Env values naming a secret name one the app defines; every secret has a source; fetch URIs, not with {@code uris}. */
    static void environment(AppDefinition app, Violations v) {
        Map<String, SecretDef> secrets = app.secrets() == null ? Map.of() : app.secrets();
        if (app.env() != null) {
            for (Map.Entry<String, EnvValue> entry : app.env().entrySet()) {
                EnvValue value = entry.getValue();
                v.check(value == null || !value.isSecret() || secrets.containsKey(value.secret()),
                        "/env/" + entry.getKey(), UNDEFINED_SECRET);
            }
        }
        secrets.forEach((name, secret) ->
                v.notEmpty("/secrets/" + name + "/source", secret == null ? null : secret.source()));
        List<Artifact> fetch = app.fetch() == null ? List.of() : app.fetch();
        for (int i = 0; i < fetch.size(); i++) {
            v.notEmpty("/fetch(" + i + ")/uri", fetch.get(i) == null ? null : fetch.get(i).uri());
        }
        v.check(app.uris() == null || app.uris().isEmpty() || fetch.isEmpty(), "/uris",
                "may not be set in conjunction with fetch");
    }
}
