package dev.pacer.agent.task.web;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.error.ErrorDetail;
import dev.pacer.contract.ids.AppId;
import dev.pacer.contract.ids.InvalidIdException;
import dev.pacer.contract.ids.TaskId;
import dev.pacer.contract.task.LaunchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a launch request field by field. Messages name fields and rules, never a value of the
 * environment.
 */
final class LaunchValidator {

    /** Task ids become file names in the work dir: nothing but these characters. */
    private static final Pattern FILE_SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    private LaunchValidator() {
    }

    /** The request, or a 422 listing every problem. */
    static LaunchRequest validated(LaunchBody body) {
        List<ErrorDetail> errors = problems(body);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return body.toRequest();
    }

    static List<ErrorDetail> problems(LaunchBody body) {
        List<ErrorDetail> errors = new ArrayList<>();
        checkTaskId(body.taskId(), errors);
        try {
            AppId.parse(body.appId());
        } catch (InvalidIdException e) {
            errors.add(ErrorDetail.of("/appId", e.getMessage()));
        }
        if (body.version() == null || body.version().isBlank()) {
            errors.add(ErrorDetail.of("/version", "must not be empty"));
        }
        boolean hasCmd = body.cmd() != null && !body.cmd().isBlank();
        boolean hasArgs = body.args() != null && !body.args().isEmpty();
        if (body.container() == null ? hasCmd == hasArgs : hasCmd && hasArgs) {
            errors.add(ErrorDetail.of("/", body.container() == null ? "exactly one of 'cmd' and 'args' must be given"
                    : "a container takes 'cmd' or 'args', not both"));
        }
        ContainerRules.check(body.container(), body.ports(), errors);
        if (hasArgs && (body.args().stream().anyMatch(Objects::isNull) || body.args().get(0).isBlank())) {
            errors.add(ErrorDetail.of("/args", "must not contain null, and the program must not be empty"));
        }
        checkVariables("/env", body.env(), errors);
        checkVariables("/labels", body.labels(), errors);
        checkPorts(body, errors);
        checkNotNegative("/cpus", body.cpus(), errors);
        checkNotNegative("/mem", body.mem(), errors);
        checkNotNegative("/disk", body.disk(), errors);
        return errors;
    }

    private static void checkTaskId(String taskId, List<ErrorDetail> errors) {
        try {
            TaskId.parse(taskId);
            if (!FILE_SAFE.matcher(taskId).matches() || taskId.contains("..")) {
                errors.add(ErrorDetail.of("/taskId", "may contain only letters, digits, '.', '_' and '-'"));
            }
        } catch (InvalidIdException e) {
            errors.add(ErrorDetail.of("/taskId", e.getMessage()));
        }
    }

    private static void checkVariables(String path, Map<String, String> vars, List<ErrorDetail> errors) {
        if (vars == null) {
            return;
        }
        vars.forEach((name, value) -> {
            if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
                errors.add(ErrorDetail.of(path, "names must be non-empty, without '=' or NUL"));
            } else if (value == null || value.indexOf('\0') >= 0) {
                errors.add(ErrorDetail.of(path + "/" + name, "must be a string without NUL"));
            }
        });
    }

    private static void checkPorts(LaunchBody body, List<ErrorDetail> errors) {
        List<Integer> ports = body.ports() == null ? List.of() : body.ports();
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i) == null || ports.get(i) < 1 || ports.get(i) > 65535) {
                errors.add(ErrorDetail.of("/ports(" + i + ")", "must be a port between 1 and 65535"));
            }
        }
        if (body.portNames() != null && body.portNames().size() != ports.size()) {
            errors.add(ErrorDetail.of("/portNames", "must name every port (null for unnamed)"));
        }
    }

    private static void checkNotNegative(String path, Double value, List<ErrorDetail> errors) {
        if (value != null && (value < 0 || value.isNaN())) {
            errors.add(ErrorDetail.of(path, "must not be negative"));
        }
    }
}
