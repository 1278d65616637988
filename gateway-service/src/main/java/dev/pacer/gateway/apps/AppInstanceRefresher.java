package dev.pacer.gateway.apps;

import dev.pacer.boot.pubsub.Channels;
import dev.pacer.boot.pubsub.PubSub;
import dev.pacer.boot.pubsub.Subscription;
import dev.pacer.contract.discovery.InstanceChange;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Keeps {@link AppInstanceView} current: on every {@link InstanceChange} message ({@link Channels#INSTANCE_CHANGES},
 * sent by agents after Eureka took a change) the app is re-read from Eureka at once; every {@code resyncInterval}
 * the whole registry is re-read, which also drops instances whose agent died (their leases expire; no message comes
 * for them) and repairs any lost message.
 */
final class AppInstanceRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppInstanceRefresher.class);

    private final AppInstanceView view;
    private final EurekaAppReader eureka;
    private final PubSub pubSub;
    private final Duration resyncInterval;
    private Disposable resyncs;
    private Subscription changes;
    private volatile boolean warned;

    AppInstanceRefresher(AppInstanceView view, EurekaAppReader eureka, PubSub pubSub, Duration resyncInterval) {
        this.view = view;
        this.eureka = eureka;
        this.pubSub = pubSub;
        this.resyncInterval = resyncInterval;
    }

    /** Re-reads one app now. */
    Mono<Void> refresh(String appId) {
        long generation = view.nextGeneration();
        return eureka.readApp(appId)
                .doOnNext(instances -> view.replace(appId, instances, generation))
                .doOnError(e -> log.debug("Refreshing {} from Eureka failed: {}", appId, e.toString()))
                .onErrorComplete()
                .then();
    }

    /** Re-reads every app now. */
    Mono<Void> resync() {
        long generation = view.nextGeneration();
        return eureka.readAll()
                .doOnNext(all -> {
                    view.replaceAll(all, generation);
                    if (warned) {
                        warned = false;
                        log.info("Eureka readable again: app instances resynced");
                    }
                })
                .doOnError(e -> {
                    if (!warned) {
                        warned = true;
                        log.warn("Reading app instances from Eureka failed; the last view is kept: {}", e.toString());
                    }
                })
                .onErrorComplete()
                .then();
    }

    /**
     * Subscribes to the changes (the service's pub/sub container re-subscribes after a Redis outage: Redis is
     * never needed to start) and starts the resyncs.
     */
    @Override
    public synchronized void start() {
        changes = pubSub.subscribe(Channels.INSTANCE_CHANGES, change -> refresh(change.appId()).subscribe());
        resyncs = Flux.interval(Duration.ZERO, resyncInterval)
                .onBackpressureDrop()
                .concatMap(tick -> resync())
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (resyncs != null) {
            changes.cancel();
            resyncs.dispose();
            changes = null;
            resyncs = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return resyncs != null;
    }
}
