package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.pacer.contract.agent.Resources;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.LogContext;
import dev.pacer.scheduler.definition.spec.AppSpec;
import dev.pacer.scheduler.definition.spec.Desired;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** The deployment's id is in the MDC of the log lines written while a deployment step is worked on. */
class DeploymentLogContextTest {

    private static final AppId APP = AppId.parse("/logs/web");
    private static final Instant V1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant V2 = Instant.parse("2026-01-02T00:00:00Z");
    private static final Instant NOW = V2.plus(DeploymentGate.UNSTORED_GRACE).plusSeconds(60);
    private static final DeploymentPlan PLAN = new DeploymentPlan("d-42", V2.toString(), V2.toEpochMilli(),
            List.of(List.of(new DeploymentAction(DeploymentAction.Type.RestartApplication, APP.toString(), V2.toString(), V1.toString()))),
            null, Map.of(), 0, Map.of());

    /** Lines of DeploymentProgress as "deploymentId|message", the MDC read when the line is written. */
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getMDCPropertyMap().get(LogContext.DEPLOYMENT_ID) + "|" + event.getFormattedMessage());
        }
    };
    private final Logger logger = (Logger) LoggerFactory.getLogger(DeploymentProgress.class);

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void aLogLineOfADeploymentStep_carriesTheDeploymentId_andNothingIsLeftInTheMdcAfterwards() {
        DeploymentStore store = new InMemoryDeploymentStore() {
            @Override
            public Optional<String> lockOf(String app) {
                return Optional.of(PLAN.id());
            }

            @Override
            public Optional<RunningDeployment> get(String id) {
                return Optional.of(new RunningDeployment(PLAN, 1, false, null, null));
            }

            @Override
            public int complete(RunningDeployment deployment, String app) {
                return 1; // the step is not over: nothing else is called
            }
        };
        DeploymentActivator nothingToActivate = new DeploymentActivator() {
            @Override
            public boolean activate(DeploymentAction action) {
                return false;
            }

            @Override
            public String revert(String deploymentId, String why) {
                throw new AssertionError("no revert expected");
            }
        };
        DeploymentProgress progress = new DeploymentProgress(store, null, nothingToActivate, app -> { }, null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        DeploymentHook.Held held = progress.held(APP);
        assertThat(held.deploymentId()).isEqualTo("d-42");

        // the app still runs V1 long after the deployment to V2 began: the step gives up, with a WARN line
        progress.afterPass(APP, held, spec(V1), List.of(), Set.of(), NOW);

        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("d-42|").contains("gives up"));
        assertThat(MDC.get(LogContext.DEPLOYMENT_ID)).isNull();
    }

    @Test
    void aNestedDeploymentContext_restoresTheOuterOne() {
        LogContext.withDeployment("outer", () -> {
            LogContext.withDeployment("inner", () -> assertThat(MDC.get(LogContext.DEPLOYMENT_ID)).isEqualTo("inner"));
            assertThat(MDC.get(LogContext.DEPLOYMENT_ID)).isEqualTo("outer");
        });
        assertThat(MDC.get(LogContext.DEPLOYMENT_ID)).isNull();
        LogContext.withDeployment(null, () -> assertThat(MDC.get(LogContext.DEPLOYMENT_ID)).isNull());
    }

    private static Optional<AppSpec> spec(Instant version) {
        return Optional.of(new AppSpec(APP, version.toString(), version, 1, new Resources(0.1, 32, 0), List.of(), List.of(),
                "serve", List.of(), Map.of(), Map.of(), 0, Desired.KillOrder.YOUNGEST_FIRST, Duration.ofMinutes(5),
                Duration.ofMinutes(10), 1, 1.15, 3600, List.of(), Map.of(), Map.of(), 1, 1, List.of(), List.of(), null));
    }
}
