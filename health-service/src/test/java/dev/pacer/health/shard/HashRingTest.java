package dev.pacer.health.shard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HashRingTest {

    private static final List<String> KEYS = IntStream.range(0, 20_000).mapToObj(i -> "app.instance-" + i + "._app.1").toList();

    @Test
    void threeMembers_shareTheKeysEvenly() {
        HashRing ring = new HashRing(List.of("a", "b", "c"), 128);
        Map<String, Integer> counts = new HashMap<>();
        KEYS.forEach(k -> counts.merge(ring.owner(k), 1, Integer::sum));
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(5_000, 8_500));
    }

    @Test
    void removingAMember_movesOnlyItsKeys() {
        HashRing three = new HashRing(List.of("a", "b", "c"), 128);
        HashRing two = new HashRing(List.of("a", "b"), 128);
        for (String key : KEYS) {
            String before = three.owner(key);
            if (!before.equals("c")) {
                assertThat(two.owner(key)).isEqualTo(before);
            }
        }
    }

    @Test
    void anEmptyRing_ownsNothing_andOneMemberOwnsEverything() {
        assertThat(new HashRing(List.of(), 128).owner("x")).isNull();
        assertThat(new HashRing(List.of("solo"), 128).owner("x")).isEqualTo("solo");
    }
}
