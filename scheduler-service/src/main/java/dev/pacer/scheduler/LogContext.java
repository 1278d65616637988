package dev.pacer.scheduler;

import dev.pacer.contract.ids.AppId;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The ids a log line is about, in the MDC while the scheduler works on them: {@code appId} during an app's
 * reconcile pass, {@code appId} and {@code taskId} while a task status update is applied, {@code deploymentId}
 * while a deployment is started, advanced (the reconcile pass of an app a deployment holds: its launches, kills
 * and steps) or ended. Structured logs
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) carry them as fields; the plain console format does not show them.
 */
public final class LogContext {

    public static final String APP_ID = "appId";
    public static final String TASK_ID = "taskId";
    public static final String DEPLOYMENT_ID = "deploymentId";

    private LogContext() {
    }

    public static <T> T withApp(AppId app, Supplier<T> work) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(APP_ID, app.toString())) {
            return work.get();
        }
    }

    public static void withTask(AppId app, String taskId, Runnable work) {
        try (MDC.MDCCloseable a = MDC.putCloseable(APP_ID, app.toString());
             MDC.MDCCloseable t = MDC.putCloseable(TASK_ID, taskId)) {
            work.run();
        }
    }

    /**
     * Runs {@code work} with {@code deploymentId} in the MDC (nothing added when it is null); a value set by an
     * enclosing call is restored afterwards, not removed, so nested calls keep the outer context.
     */
    public static <T> T withDeployment(String deploymentId, Supplier<T> work) {
        if (deploymentId == null) {
            return work.get();
        }
        String previous = MDC.get(DEPLOYMENT_ID);
        MDC.put(DEPLOYMENT_ID, deploymentId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                MDC.remove(DEPLOYMENT_ID);
            } else {
                MDC.put(DEPLOYMENT_ID, previous);
            }
        }
    }

    public static void withDeployment(String deploymentId, Runnable work) {
        withDeployment(deploymentId, () -> {
            work.run();
            return null;
        });
    }
}
