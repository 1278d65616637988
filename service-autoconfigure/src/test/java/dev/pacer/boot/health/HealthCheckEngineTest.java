package dev.pacer.boot.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pacer.contract.health.HealthResult;
import dev.pacer.contract.health.HealthTransition;
import dev.pacer.testsupport.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared check loop on a hand-driven timer and clock, with a prober whose answers the test sets. */
class HealthCheckEngineTest {

    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final ManualTimer timer = new ManualTimer(clock);
    private final FakeProber prober = new FakeProber();
    private final Recorder recorder = new Recorder();
    private HealthCheckEngine<TestCheck> engine = engine(4, 10, false);

    @AfterEach
    void close() {
        engine.close();
    }

    private HealthCheckEngine<TestCheck> engine(int maxInFlight, int pending, boolean spread) {
        return new HealthCheckEngine<>(prober, recorder, recorder, clock, timer,
                new HealthCheckEngine.Settings("test-probes", Duration.ofSeconds(1), maxInFlight, pending, spread));
    }

    private void advance(int seconds) {
        timer.advance(Duration.ofSeconds(seconds));
    }

    @Test
    void failuresInsideTheGracePeriod_writeNothing_thenCountFromTheFirstOneAfterIt() {
        prober.answer(ProbeOutcome.unhealthy("HTTP 503"));
        engine.sync("/web", List.of(TestCheck.of("t1", T0).withGrace(10)));

        advance(9); // probes at 0, 2, 4, 6, 8: all inside the grace period
        assertThat(prober.probes()).isEqualTo(5);
        assertThat(recorder.results).isEmpty();

        advance(2); // the probe at 10 s is the first outside it
        assertThat(recorder.results).singleElement().satisfies(r -> {
            assertThat(r.alive()).isFalse();
            assertThat(r.consecutiveFailures()).isEqualTo(1);
            assertThat(r.lastFailureCause()).isEqualTo("HTTP 503");
            assertThat(r.lastFailure()).isEqualTo("2026-12-03T10:00:10Z");
        });
        assertThat(recorder.transitions).singleElement().satisfies(t -> assertThat(t.alive()).isFalse());
    }

    @Test
    void consecutiveFailures_reachTheMaximumOnce_withOneExceededTransition() {
        prober.answer(ProbeOutcome.HEALTHY);
        engine.sync("/web", List.of(TestCheck.of("t1", T0)));
        advance(1);
        prober.answer(ProbeOutcome.unhealthy("connection refused"));
        advance(10); // five failures: at 2, 4, 6, 8, 10 s

        assertThat(recorder.results).extracting(HealthResult::consecutiveFailures).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(recorder.transitions).extracting(HealthTransition::alive, HealthTransition::exceeded,
                HealthTransition::consecutiveFailures).containsExactly(
                Tuple.tuple(true, false, 0),
                Tuple.tuple(false, false, 1),
                Tuple.tuple(false, true, 3));
        assertThat(engine.unhealthy()).isEqualTo(1);
    }

    @Test
    void aCheckThatStaysHealthy_isWrittenEveryProbe_butTransitionsOnce() {
        prober.answer(ProbeOutcome.HEALTHY);
        engine.sync("/web", List.of(TestCheck.of("t1", T0)));
        advance(7);

        assertThat(recorder.results).hasSize(4).allSatisfy(r -> assertThat(r.alive()).isTrue());
        assertThat(recorder.results.get(3).firstSuccess()).isEqualTo("2026-12-03T10:00:00Z");
        assertThat(recorder.results.get(3).lastSuccess()).isEqualTo("2026-12-03T10:00:06Z");
        assertThat(recorder.transitions).hasSize(1);
        assertThat(recorder.transitionEvents).isEqualTo(1);
    }

    @Test
    void aProbeThatNeverAnswers_countsAsATimeoutFailure_andItsLateAnswerIsDropped() {
        prober.hang();
        engine.sync("/web", List.of(TestCheck.of("t1", T0)));
        advance(1); // the probe at 0 s hangs

        advance(1); // at 2 s it is 2 s old, past its 1 s timeout: counted, and a new probe starts
        assertThat(recorder.results).singleElement().satisfies(r -> {
            assertThat(r.alive()).isFalse();
            assertThat(r.lastFailureCause()).isEqualTo("timeout after 1000 ms");
        });
        assertThat(prober.probes()).isEqualTo(2);
        assertThat(engine.busy()).isEqualTo(1);

        prober.answerOldest("t1", ProbeOutcome.HEALTHY); // the first probe's late answer
        assertThat(recorder.results).hasSize(1);
        assertThat(engine.busy()).isEqualTo(1);

        prober.answerOldest("t1", ProbeOutcome.HEALTHY); // the second answers in time
        assertThat(recorder.results).hasSize(2);
        assertThat(recorder.results.get(1).alive()).isTrue();
        assertThat(engine.busy()).isZero();
    }

    @Test
    void aProbeStillWithinItsTimeout_skipsTheNextTurn_andIsNeverAFailure() {
        prober.hang();
        engine.sync("/web", List.of(TestCheck.of("t1", T0).withTiming(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ZERO)));
        advance(3);

        assertThat(prober.probes()).isEqualTo(1);
        assertThat(recorder.notRun).containsExactly(CheckEvents.NotRun.OVERRUN);
        assertThat(recorder.results).isEmpty();
    }

    @Test
    void aSaturatedEngine_queuesThenSkipsTurns_neverCountingThemAsFailures() {
        engine.close();
        engine = engine(1, 1, false);
        prober.hang();
        engine.sync("/web", List.of(TestCheck.of("t1", T0), TestCheck.of("t2", T0), TestCheck.of("t3", T0)));
        advance(0);

        assertThat(prober.probes()).isEqualTo(1);
        assertThat(engine.busy()).isEqualTo(1);
        assertThat(engine.queued()).isEqualTo(1);
        assertThat(engine.saturated()).isTrue();
        assertThat(recorder.notRun).containsExactly(CheckEvents.NotRun.QUEUE_FULL);

        prober.answerOldest(prober.probed().get(0).taskId(), ProbeOutcome.HEALTHY); // frees the slot: the queued probe starts
        assertThat(prober.probes()).isEqualTo(2);
        assertThat(engine.queued()).isZero();
        assertThat(recorder.results).singleElement().satisfies(r -> assertThat(r.alive()).isTrue());
    }

    @Test
    void removal_stopsTheTurns_andDropsAnAnswerStillInFlight() {
        prober.hang();
        engine.sync("/web", List.of(TestCheck.of("t1", T0), TestCheck.of("t2", T0)));
        advance(0);
        assertThat(engine.checks()).isEqualTo(2);

        engine.sync("/web", List.of(TestCheck.of("t2", T0)));
        prober.answerOldest("t1", ProbeOutcome.unhealthy("HTTP 500")); // t1's answer, after its removal
        assertThat(recorder.results).isEmpty();
        assertThat(engine.tasks()).isEqualTo(1);

        engine.remove("/web");
        assertThat(engine.checking("/web")).isFalse();
        assertThat(engine.groups()).isEmpty();
        int before = prober.probes();
        prober.answer(ProbeOutcome.HEALTHY);
        advance(10);
        assertThat(prober.probes()).isEqualTo(before);
        assertThat(timer.active()).isZero();
    }

    @Test
    void theFirstProbe_waitsForTheDelayAfterTheStart_thenComesEveryInterval() {
        prober.answer(ProbeOutcome.HEALTHY);
        engine.sync("/web", List.of(TestCheck.of("t1", T0).withTiming(Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(5))));
        advance(4);
        assertThat(prober.probes()).isZero();
        advance(7); // at 5, 8 and 11 s
        assertThat(recorder.results).extracting(HealthResult::lastSuccess)
                .containsExactly("2026-12-03T10:00:05Z", "2026-12-03T10:00:08Z", "2026-12-03T10:00:11Z");
    }

    @Test
    void anIntervalBelowTheFloor_runsAtTheFloor() {
        prober.answer(ProbeOutcome.HEALTHY);
        engine.sync("/web", List.of(TestCheck.of("t1", T0).withTiming(Duration.ofMillis(100), Duration.ofMillis(50),
                Duration.ZERO)));
        advance(3);
        assertThat(prober.probes()).isEqualTo(4); // 0, 1, 2, 3 s
    }

    @Test
    void adoptedChecksPastTheirDelay_areSpreadOverTheInterval_whenAsked() {
        engine.close();
        engine = engine(4, 10, true);
        prober.answer(ProbeOutcome.HEALTHY);
        Instant longAgo = T0.minusSeconds(600);
        List<TestCheck> checks = List.of(TestCheck.of("t1", longAgo), TestCheck.of("t2", longAgo),
                TestCheck.of("t3", longAgo));
        engine.sync("/web", checks);

        List<TestCheck> byOffset = checks.stream()
                .sorted(Comparator.comparingLong(c -> Math.floorMod(c.key().hashCode(), 2000L))).toList();
        for (TestCheck check : byOffset) {
            long offset = Math.floorMod(check.key().hashCode(), 2000L);
            assertThat(recorder.results.stream().filter(r -> r.taskId().equals(check.taskId()))).isEmpty();
            timer.advance(Duration.ofMillis(offset).minus(Duration.between(T0, clock.instant())));
            assertThat(recorder.results.stream().filter(r -> r.taskId().equals(check.taskId()))).hasSize(1);
        }
    }

    @Test
    void anAdoptedCheck_carriesItsCountsOver_unlessItsVersionChanged() {
        HealthResult failing = new HealthResult("t1", "t1-i", 0, "v1", false, 2, "2026-12-03T09:00:00Z",
                "2026-12-03T09:00:00Z", "2026-12-03T09:59:58Z", "HTTP 500");
        prober.answer(ProbeOutcome.unhealthy("HTTP 500"));
        engine.sync("/web", List.of(TestCheck.of("t1", T0)), (group, fields) -> Map.of(fields.get(0), failing));
        advance(0);
        assertThat(recorder.results).singleElement().satisfies(r -> assertThat(r.consecutiveFailures()).isEqualTo(3));
        assertThat(recorder.transitions).singleElement().satisfies(t -> assertThat(t.exceeded()).isTrue());

        engine.remove("/web");
        engine.sync("/web", List.of(TestCheck.of("t1", T0).withVersion("v2")), (group, fields) ->
                Map.of(fields.get(0), failing));
        advance(0);
        assertThat(recorder.results.get(1).consecutiveFailures()).isEqualTo(1);
        assertThat(recorder.results.get(1).version()).isEqualTo("v2");
    }

    @Test
    void ignoredOutcomes_countNothing() {
        prober.answer(ProbeOutcome.IGNORED);
        engine.sync("/web", List.of(TestCheck.of("t1", T0)));
        advance(4);
        assertThat(prober.probes()).isEqualTo(3);
        assertThat(recorder.probed).containsOnly(ProbeOutcome.Result.IGNORED);
        assertThat(recorder.results).isEmpty();
    }

    @Test
    void aProberThatThrows_isCountedAsAnError_andFreesItsSlot() {
        Prober<TestCheck> throwing = (check, done) -> {
            throw new IllegalStateException("boom");
        };
        engine.close();
        engine = new HealthCheckEngine<>(throwing, recorder, recorder, clock, timer,
                new HealthCheckEngine.Settings("test-probes", Duration.ofSeconds(1), 1, 1, false));
        engine.sync("/web", List.of(TestCheck.of("t1", T0)));
        advance(2);
        assertThat(recorder.notRun).containsExactly(CheckEvents.NotRun.ERROR, CheckEvents.NotRun.ERROR);
        assertThat(engine.busy()).isZero();
        assertThat(recorder.results).isEmpty();
    }

    @Test
    void onARealTimerAndThreadPool_blockingProbesAreCountedConcurrently() {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Prober<TestCheck> blocking = new Prober<>() {
            @Override
            public void probe(TestCheck check, Consumer<ProbeOutcome> done) {
                done.accept(check.taskId().equals("t1") ? ProbeOutcome.HEALTHY : ProbeOutcome.unhealthy("exit code 1"));
            }

            @Override
            public Executor dispatcher() {
                return pool;
            }
        };
        engine.close();
        engine = new HealthCheckEngine<>(blocking, recorder, recorder, Clock.systemUTC(), CheckTimer.onThread("test-timer"),
                new HealthCheckEngine.Settings("test-probes", Duration.ofMillis(50), 2, 10, false));
        try {
            engine.sync("t", List.of(TestCheck.of("t1", Instant.now()).withTiming(Duration.ofMillis(50),
                    Duration.ofSeconds(1), Duration.ZERO), TestCheck.of("t2", Instant.now()).withTiming(
                    Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ZERO)));
            await().atMost(Duration.ofSeconds(5)).until(() -> recorder.results.stream()
                    .filter(r -> r.taskId().equals("t2")).anyMatch(r -> r.consecutiveFailures() >= 3));
            assertThat(recorder.results.stream().filter(r -> r.taskId().equals("t1"))).allMatch(HealthResult::alive);
        } finally {
            engine.close();
            pool.shutdownNow();
        }
    }

    /** Sink and events at once: what the engine wrote and told. */
    static final class Recorder implements HealthResultSink, CheckEvents {
        final List<HealthResult> results = new CopyOnWriteArrayList<>();
        final List<HealthTransition> transitions = new CopyOnWriteArrayList<>();
        final List<CheckEvents.NotRun> notRun = new CopyOnWriteArrayList<>();
        final List<ProbeOutcome.Result> probed = new CopyOnWriteArrayList<>();
        volatile int transitionEvents;

        @Override
        public void result(String appId, HealthResult result) {
            assertThat(appId).isEqualTo("/web");
            results.add(result);
        }

        @Override
        public void transition(HealthTransition transition) {
            transitions.add(transition);
        }

        @Override
        public void probed(String protocol, ProbeOutcome.Result result, Duration took) {
            probed.add(result);
        }

        @Override
        public void notRun(String protocol, NotRun reason) {
            notRun.add(reason);
        }

        @Override
        public void transitioned(HealthTransition transition) {
            transitionEvents++;
        }
    }
}
