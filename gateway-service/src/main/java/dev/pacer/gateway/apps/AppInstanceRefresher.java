package dev.pacer.gateway.apps;

import dev.pacer.contract.discovery.AppDiscovery;
import dev.pacer.contract.discovery.InstanceChange;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.listener.ReactiveRedisMessageListenerContainer;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link AppInstanceView} current: on every {@link InstanceChange} message (Redis pub/sub, sent
 * by agents after Eureka took a change) the app is re-read from Eureka at once; every
 * {@code resyncInterval} the whole registry is re-read, which also drops instances whose agent died
 * (their leases expire; no message comes for them) and repairs any lost message.
 */
final class AppInstanceRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppInstanceRefresher.class);

    private final AppInstanceView view;
    private final EurekaAppReader eureka;
    private final ReactiveRedisConnectionFactory redis;
    private final JsonMapper json;
    private final Duration resyncInterval;
    private Disposable.Composite running;
    private volatile boolean warned;

    AppInstanceRefresher(AppInstanceView view, EurekaAppReader eureka, ReactiveRedisConnectionFactory redis,
                         JsonMapper json, Duration resyncInterval) {
        this.view = view;
        this.eureka = eureka;
        this.redis = redis;
        this.json = json;
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

    @Override
    public synchronized void start() {
        // subscribed in the background and re-subscribed after a Redis outage: Redis is never needed to start
        Disposable changes = Flux.usingWhen(
                        Mono.fromCallable(() -> new ReactiveRedisMessageListenerContainer(redis))
                                .subscribeOn(Schedulers.boundedElastic()),
                        container -> container.receive(ChannelTopic.of(AppDiscovery.INSTANCE_CHANGES)),
                        ReactiveRedisMessageListenerContainer::destroyLater)
                .map(message -> json.readValue(message.getMessage(), InstanceChange.class).appId())
                .onErrorContinue((e, message) -> log.debug("Unreadable instance change: {}", e.toString()))
                .flatMap(this::refresh)
                .retryWhen(Retry.fixedDelay(Long.MAX_VALUE, Duration.ofSeconds(1))
                        .doBeforeRetry(r -> log.debug("Instance-change subscription lost: {}", r.failure().toString())))
                .subscribe();
        Disposable resyncs = Flux.interval(Duration.ZERO, resyncInterval)
                .onBackpressureDrop()
                .concatMap(tick -> resync())
                .subscribe();
        running = Disposables.composite(changes, resyncs);
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return running != null;
    }
}
