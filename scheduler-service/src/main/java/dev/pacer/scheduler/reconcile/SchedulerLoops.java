package dev.pacer.scheduler.reconcile;

import dev.pacer.boot.lifecycle.LifecyclePhases;
import dev.pacer.contract.ids.AppId;
import dev.pacer.scheduler.definition.store.AppStore;
import dev.pacer.scheduler.shard.ShardLeases;
import dev.pacer.scheduler.task.status.AgentMonitor;
import dev.pacer.scheduler.task.status.TaskStatusConsumer;
import dev.pacer.scheduler.task.status.TaskStatusLoop;
import dev.pacer.scheduler.work.KeyedWorkQueue;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The scheduler's background work, started once the instance has joined the cluster and taken its
 * shard leases: the status stream consumer ({@link TaskStatusLoop}), the periodic resync of every app
 * in the held shards, and the agent monitor. Each loop survives Redis outages (it logs and tries
 * again); the consumer also the loss of its group.
 */
class SchedulerLoops implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SchedulerLoops.class);

    private final Supplier<TaskStatusConsumer> consumerFactory;
    private final KeyedWorkQueue<AppId> queue;
    private final ShardLeases leases;
    private final AppStore apps;
    private final AgentMonitor monitor;
    private final ReconcileProperties properties;
    private final Supplier<Collection<String>> deploymentApps;
    private volatile ScheduledExecutorService timers;
    private volatile Thread consumerThread;

    public SchedulerLoops(Supplier<TaskStatusConsumer> consumerFactory, KeyedWorkQueue<AppId> queue, ShardLeases leases,
                          AppStore apps, AgentMonitor monitor, ReconcileProperties properties,
                          Supplier<Collection<String>> deploymentApps) {
        this.deploymentApps = deploymentApps;
        this.consumerFactory = consumerFactory;
        this.queue = queue;
        this.leases = leases;
        this.apps = apps;
        this.monitor = monitor;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        timers = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "pacer-scheduler-timer");
            t.setDaemon(true);
            return t;
        });
        timers.scheduleWithFixedDelay(guarded("resync", this::resync), 500,
                properties.resyncInterval().toMillis(), TimeUnit.MILLISECONDS);
        timers.scheduleWithFixedDelay(guarded("agent monitor", monitor::pass), 1000, 2000, TimeUnit.MILLISECONDS);
        consumerThread = new Thread(new TaskStatusLoop(consumerFactory.get(), () -> timers != null), "pacer-status-consumer");
        consumerThread.setDaemon(true);
        consumerThread.start();
    }

    /**
     * Every app of every held shard goes through the queue (once, however often it is enqueued), and
     * so does every app a running deployment waits on in its current step — also one not yet stored
     * in its shard — so no lost hint can leave a deployment waiting.
     */
    private void resync() {
        for (Integer shard : leases.held().keySet()) {
            for (String id : apps.inShard(shard)) {
                queue.enqueue(AppId.parse(id));
            }
        }
        for (String id : deploymentApps.get()) {
            if (leases.owns(id)) {
                queue.enqueue(AppId.parse(id));
            }
        }
    }

    private static Runnable guarded(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("Scheduler {} pass failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService t = timers;
        timers = null;
        if (t != null) {
            t.shutdownNow();
        }
        if (consumerThread != null) {
            consumerThread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return timers != null;
    }

    /** After the shard leases (their phase is lower), before them on stop. */
    @Override
    public int getPhase() {
        return LifecyclePhases.SHARDED_WORK;
    }
}
