package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StackProgressTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final StackProgress progress = new StackProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), now::get);

    @Test
    void everyLine_isStampedWithTheTimeSinceTheLaunch() {
        advance(Duration.ofMillis(400));
        progress.step("Redis:      redis://***@127.0.0.1:6379");
        advance(Duration.ofMillis(1100));
        progress.started("scheduler-service", 8081, ".pacer/logs/scheduler-service.log");
        advance(Duration.ofMillis(7300));
        progress.ready("scheduler-service", Duration.ofMillis(7300));

        assertThat(lines()).containsExactly(
                "[  0.4 s] Redis:      redis://***@127.0.0.1:6379",
                "[  1.5 s] started scheduler-service  :8081  log .pacer/logs/scheduler-service.log",
                "[  8.8 s] ready   scheduler-service  in 7.3 s");
        assertThat(progress.elapsed()).isEqualTo(Duration.ofMillis(8800));
    }

    @Test
    void whileWaiting_aHeartbeatNamesWhatIsAwaited_onlyAfterTenQuietSeconds() {
        progress.started("gateway-service", 8080, "g.log");
        for (int i = 0; i < 39; i++) {   // 9.75 s of polls every 250 ms: quiet
            advance(Duration.ofMillis(250));
            progress.waiting(List.of("gateway-service", "agent-a"));
        }
        assertThat(lines()).hasSize(1);

        advance(Duration.ofMillis(250));
        progress.waiting(List.of("gateway-service", "agent-a"));
        advance(Duration.ofMillis(250));
        progress.waiting(List.of("gateway-service"));

        assertThat(lines()).hasSize(2).last().isEqualTo("[ 10.0 s] waiting for gateway-service, agent-a ...");
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private List<String> lines() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
