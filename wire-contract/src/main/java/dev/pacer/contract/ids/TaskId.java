package dev.pacer.contract.ids;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task id in Marathon 1.11's form {@code <safeAppId>.instance-<uuid>._app.<incarnation>}
 * (reference §5). The instance id is the part before {@code ._app}; it survives restarts of the
 * instance while the incarnation counts up.
 */
public record TaskId(String safeAppId, UUID instance, int incarnation) {

    private static final Pattern FORMAT = Pattern.compile("^(.+)\\.instance-([0-9a-fA-F-]{36})\\._app\\.(\\d+)$");

    public TaskId {
        if (safeAppId == null || safeAppId.isEmpty()) {
            throw new InvalidIdException("task id needs an app id");
        }
        if (incarnation < 1) {
            throw new InvalidIdException("task incarnation starts at 1");
        }
    }

    public static TaskId newTask(AppId app) {
        return new TaskId(app.safeId(), UUID.randomUUID(), 1);
    }

    public static TaskId parse(String raw) {
        Matcher m = raw == null ? null : FORMAT.matcher(raw);
        if (m == null || !m.matches()) {
            throw new InvalidIdException("Task id '" + raw + "' is not a valid task id");
        }
        return new TaskId(m.group(1), UUID.fromString(m.group(2)), Integer.parseInt(m.group(3)));
    }

    public AppId appId() {
        return AppId.fromSafeId(safeAppId);
    }

    /** The next incarnation of the same instance (a restart in place). */
    public TaskId next() {
        return new TaskId(safeAppId, instance, incarnation + 1);
    }

    public String instanceId() {
        return safeAppId + ".instance-" + instance;
    }

    @Override
    public String toString() {
        return instanceId() + "._app." + incarnation;
    }
}
