package dev.pacer.agent.task;

import dev.pacer.contract.task.LaunchRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The environment a task starts with. Not the agent's own environment: only {@link #INHERITED} of it,
 * then {@code HOME} (the sandbox), then the app's {@code env}, then Marathon's task variables, which win.
 */
public final class TaskEnvironment {

    /** Variables of the agent's environment a task inherits when they are set. */
    public static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "TZ");

    private TaskEnvironment() {
    }

    public static Map<String, String> build(LaunchRequest request, Map<String, String> agentEnv, String host, Path sandbox) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : INHERITED) {
            if (agentEnv.get(name) != null) {
                env.put(name, agentEnv.get(name));
            }
        }
        env.put("HOME", sandbox.toString());
        env.putAll(request.env());
        env.putAll(marathonVariables(request, host, sandbox));
        return env;
    }

    static Map<String, String> marathonVariables(LaunchRequest request, String host, Path sandbox) {
        Map<String, String> vars = new LinkedHashMap<>();
        List<Integer> ports = request.ports();
        for (int i = 0; i < ports.size(); i++) {
            vars.put("PORT" + i, ports.get(i).toString());
            String name = request.portNames().get(i);
            if (name != null && !name.isBlank()) {
                vars.put("PORT_" + portName(name), ports.get(i).toString());
            }
        }
        if (!ports.isEmpty()) {
            vars.put("PORT", ports.get(0).toString());
            vars.put("PORTS", ports.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        vars.put("HOST", host);
        vars.put("MARATHON_APP_ID", request.appId());
        vars.put("MARATHON_APP_VERSION", request.version());
        vars.put("MESOS_TASK_ID", request.taskId());
        vars.put("MESOS_SANDBOX", sandbox.toString());
        vars.put("MARATHON_APP_RESOURCE_CPUS", Double.toString(request.cpus()));
        vars.put("MARATHON_APP_RESOURCE_MEM", Double.toString(request.mem()));
        vars.put("MARATHON_APP_RESOURCE_DISK", Double.toString(request.disk()));
        List<String> labelNames = new ArrayList<>();
        request.labels().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> {
            String name = labelName(label.getKey());
            labelNames.add(name);
            vars.put("MARATHON_APP_LABEL_" + name, label.getValue());
        });
        vars.put("MARATHON_APP_LABELS", String.join(" ", labelNames));
        return vars;
    }

    /** {@code http-api} → {@code HTTP_API}: upper-cased, every non-alphanumeric an underscore. */
    static String portName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** {@code owner.team} → {@code OWNER_TEAM}: upper-cased, everything outside {@code [A-Z0-9_]} an underscore. */
    static String labelName(String name) {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
    }
}
