package dev.pacer.scheduler.support;

import dev.pacer.boot.limits.RequestLimitsProperties;
import dev.pacer.scheduler.app.service.AppDeployments;
import dev.pacer.scheduler.app.service.AppEdits;
import dev.pacer.scheduler.app.service.AppService;
import dev.pacer.scheduler.app.service.AppWrites;
import dev.pacer.scheduler.app.service.HealthCheckEvents;
import dev.pacer.scheduler.definition.AppDefinitions;
import dev.pacer.scheduler.definition.AppJson;
import dev.pacer.scheduler.definition.AppValidator;
import dev.pacer.scheduler.definition.ports.InMemoryServicePortPool;
import dev.pacer.scheduler.definition.ports.ServicePorts;
import dev.pacer.scheduler.definition.store.AppRepository;
import dev.pacer.scheduler.definition.store.InMemoryAppStore;
import dev.pacer.scheduler.deploy.DeploymentEvents;
import dev.pacer.scheduler.deploy.DeploymentMetrics;
import dev.pacer.scheduler.deploy.DeploymentService;
import dev.pacer.scheduler.deploy.InMemoryDeploymentStore;
import dev.pacer.scheduler.deploy.InMemoryTrafficGate;
import dev.pacer.scheduler.group.GroupService;
import dev.pacer.scheduler.group.InMemoryGroupStore;
import dev.pacer.scheduler.placement.constraint.ConstraintValidator;
import dev.pacer.scheduler.queue.InMemoryBackoffStore;
import dev.pacer.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.List;

/**
 * The scheduler's app, deployment and group services wired as {@code AppConfiguration},
 * {@code DeploymentConfiguration} and {@code GroupConfiguration} wire them, but on in-memory stores and a
 * clock the test moves: no Spring, no Redis, a few milliseconds per test.
 */
public final class InMemoryScheduler {

    /** Service ports handed out for {@code port: 0}. */
    public static final int SERVICE_PORT_MIN = 10000;
    public static final int SERVICE_PORT_MAX = 10099;

    public final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    public final InMemoryBackoffStore backoffs = new InMemoryBackoffStore();
    public final InMemoryTrafficGate traffic = new InMemoryTrafficGate();
    public final InMemoryAppStore appStore = new InMemoryAppStore(50, app -> {
        backoffs.reset(app);
        traffic.allowAll(app);
    });
    public final InMemoryDeploymentStore deploymentStore = new InMemoryDeploymentStore();
    public final InMemoryGroupStore groupStore = new InMemoryGroupStore(50);
    public final InMemoryServicePortPool servicePorts = new InMemoryServicePortPool();
    public final RecordingAppHints hints = new RecordingAppHints();
    public final RecordingEventLog events = new RecordingEventLog(clock);
    public final AppRepository apps;
    public final DeploymentService deployments;
    public final AppDeployments appDeployments;
    public final AppService appService;
    public final GroupService groups;

    public InMemoryScheduler() {
        RequestLimitsProperties limits = RequestLimitsProperties.defaults();
        AppJson json = new AppJson(limits);
        apps = new AppRepository(appStore, json, id -> Math.floorMod(id.hashCode(), 32));
        deployments = new DeploymentService(deploymentStore,
                new DeploymentMetrics(new SimpleMeterRegistry(), () -> deploymentStore.all().size()),
                new DeploymentEvents(events), traffic, clock);
        AppDefinitions definitions = new AppDefinitions(json);
        AppValidator validator = new AppValidator(json, ConstraintValidator::validate, app -> List.of(), limits);
        AppEdits edits = new AppEdits(apps, definitions, validator, clock);
        AppWrites writes = new AppWrites(apps, new ServicePorts(servicePorts, SERVICE_PORT_MIN, SERVICE_PORT_MAX), backoffs,
                hints, new HealthCheckEvents(events));
        appDeployments = new AppDeployments(apps, edits, writes, deployments, traffic, clock);
        appService = new AppService(apps, definitions, validator, edits, appDeployments, clock);
        groups = new GroupService(apps, edits, appDeployments, groupStore, clock, limits, events);
    }
}
