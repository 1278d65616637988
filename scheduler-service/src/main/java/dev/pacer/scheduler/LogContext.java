package dev.pacer.scheduler;

import dev.pacer.contract.ids.AppId;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The ids a log line is about, in the MDC while the scheduler works on them: {@code appId} during an app's
 * reconcile pass, {@code appId} and {@code taskId} while a task status update is applied. Structured logs
 * ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}) carry them as fields; the plain console format does not show them.
 */
public final class LogContext {

    public static final String APP_ID = "appId";
    public static final String TASK_ID = "taskId";

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
}
