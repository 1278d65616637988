package dev.pacer.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

    @Test
    void percentiles_areNearestRank_overOneToHundred() {
        Samples s = new Samples(LongStream.rangeClosed(1, 100).map(i -> 101 - i).toArray());

        assertThat(s.p50()).isEqualTo(50);
        assertThat(s.p90()).isEqualTo(90);
        assertThat(s.p99()).isEqualTo(99);
        assertThat(s.max()).isEqualTo(100);
        assertThat(s.percentile(0.001)).isEqualTo(1);
    }

    @Test
    void percentiles_roundTheRankUp_soEveryFigureWasObserved() {
        Samples s = new Samples(new long[] {40, 10, 30, 20});

        assertThat(s.p50()).isEqualTo(20);      // ceil(0.5 * 4) = 2nd
        assertThat(s.percentile(0.51)).isEqualTo(30); // ceil(2.04) = 3rd
        assertThat(s.p99()).isEqualTo(40);      // ceil(3.96) = 4th
    }

    @Test
    void oneSample_isEveryPercentile() {
        Samples s = new Samples(new long[] {7});

        assertThat(s.p50()).isEqualTo(7);
        assertThat(s.p99()).isEqualTo(7);
        assertThat(s.max()).isEqualTo(7);
    }

    @Test
    void theCallersArray_isNotSorted() {
        long[] raw = {3, 1, 2};

        new Samples(raw);

        assertThat(raw).containsExactly(3, 1, 2);
    }

    @Test
    void noSamples_isEmpty_andHasNoPercentile() {
        Samples s = new Samples(new long[0]);

        assertThat(s.isEmpty()).isTrue();
        assertThatThrownBy(s::p50).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void percentileOutsideZeroToOne_isRejected() {
        Samples s = new Samples(new long[] {1});

        assertThatThrownBy(() -> s.percentile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.percentile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
