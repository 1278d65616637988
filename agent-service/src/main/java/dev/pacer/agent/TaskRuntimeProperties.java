package dev.pacer.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which runtime runs this agent's tasks.
 *
 * @param runtime   {@code process} (the default: tasks are OS processes) or {@code simulated} (SCALE
 *                  BENCHMARKS ONLY: tasks are recorded and reported but no process is started)
 * @param simulated settings of the simulated runtime, ignored by the process runtime
 */
@ConfigurationProperties(TaskRuntimeProperties.PREFIX)
public record TaskRuntimeProperties(@DefaultValue("process") Kind runtime, @DefaultValue Simulated simulated) {

    public static final String PREFIX = AgentProperties.PREFIX;
    /** The node attribute a simulated agent registers ({@code pacer.runtime=simulated}). */
    public static final String ATTRIBUTE = "pacer.runtime";

    public enum Kind { PROCESS, SIMULATED }

    /** @param failAfter when set, each simulated task ends {@code TASK_FAILED} that long after it started */
    public record Simulated(Duration failAfter) {

        public Simulated {
            if (failAfter != null && (failAfter.isNegative() || failAfter.isZero())) {
                throw new IllegalArgumentException(PREFIX + ".simulated.fail-after must be positive");
            }
        }
    }

    public TaskRuntimeProperties {
        simulated = simulated == null ? new Simulated(null) : simulated;
    }

    public boolean isSimulated() {
        return runtime == Kind.SIMULATED;
    }
}
