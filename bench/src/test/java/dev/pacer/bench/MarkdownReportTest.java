package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private static final MarkdownReport.RunInfo INFO =
            new MarkdownReport.RunInfo("2026-01-01T00:00:00Z", "java -jar bench.jar", "2 cores", "scheduler", List.of("a note"));

    @Test
    void ratio_isLargestSizeOverSmallest_perOpAndThreads() {
        List<PhaseResult> results = List.of(
                phase(100, Op.READ, 1, 1_000_000), phase(100, Op.READ, 8, 2_000_000),
                phase(10_000, Op.READ, 1, 1_100_000), phase(10_000, Op.READ, 8, 5_000_000));

        List<MarkdownReport.Ratio> ratios = MarkdownReport.ratios(results);

        assertThat(ratios).hasSize(2);
        assertThat(ratios.get(0).threads()).isEqualTo(1);
        assertThat(ratios.get(0).p50()).isCloseTo(1.1, Assertions.within(1e-9));
        assertThat(ratios.get(0).flat()).isTrue();
        assertThat(ratios.get(1).p50()).isCloseTo(2.5, Assertions.within(1e-9));
        assertThat(ratios.get(1).flat()).isFalse();
    }

    @Test
    void render_hasOneRowPerPhase_theRatios_andTheVerdict() {
        List<PhaseResult> results = List.of(
                phase(100, Op.WRITE, 1, 2_000_000), phase(100, Op.PING, 1, 500_000),
                phase(10_000, Op.WRITE, 1, 2_200_000), phase(10_000, Op.PING, 1, 1_000_000));

        String md = MarkdownReport.render(INFO, results);

        assertThat(md).contains("- Command: `java -jar bench.jar`", "- a note");
        assertThat(md).contains("| 100 | write | 1 | 100 | 0 | 2.00 | 2.00 | 2.00 | 2.00 | 100 | 0.50 |");
        assertThat(md).contains("| write | 1 | 1.10 | 1.10 | yes |", "| ping | 1 | 2.00 | 2.00 | (control) |");
        assertThat(md).contains("**Verdict: flat**");
    }

    @Test
    void verdict_namesEveryOpOverTheTarget_andIgnoresTheControl() {
        List<PhaseResult> results = List.of(
                phase(100, Op.READ, 8, 1_000_000), phase(10_000, Op.READ, 8, 1_300_000),
                phase(100, Op.PING, 8, 1_000_000), phase(10_000, Op.PING, 8, 9_000_000));

        String md = MarkdownReport.render(INFO, results);

        assertThat(md).contains("**Verdict: not flat** — over 1.2: read×8 (p50 1.30, p99 1.30).");
    }

    @Test
    void failures_areCounted_andExamplesShown() {
        PhaseResult failing = new PhaseResult(100, Op.WRITE, 1, new Samples(new long[0]), 3,
                List.of("PUT /v2/apps/{id} -> 409 locked"), Duration.ofSeconds(1), 0.5);

        String md = MarkdownReport.render(INFO, List.of(failing));

        assertThat(md).contains("| 100 | write | 1 | 0 | 3 | — | — | — | — | 0 | 0.50 |");
        assertThat(md).contains("- 100 apps, write×1: 3 of 3 failed; e.g. PUT /v2/apps/{id} -> 409 locked");
        assertThat(md).doesNotContain("Ratios");
    }

    /** 100 requests of {@code nanos} each over one second. */
    private static PhaseResult phase(int size, Op op, int threads, long nanos) {
        return new PhaseResult(size, op, threads, new Samples(LongStream.generate(() -> nanos).limit(100).toArray()),
                0, List.of(), Duration.ofSeconds(1), 0.5);
    }
}
