package dev.pacer.health.shard;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Consistent hashing of task ids over the live health-service instances: each instance is
 * {@code virtualNodes} points on a 64-bit ring; a task belongs to the first point at or after its own
 * hash. Adding or removing an instance moves only about {@code 1/n} of the tasks. Pure and immutable.
 */
public final class HashRing {

    private final NavigableMap<Long, String> points = new TreeMap<>();
    private final List<String> members;

    public HashRing(Collection<String> members, int virtualNodes) {
        this.members = members.stream().distinct().sorted().toList();
        for (String member : this.members) {
            for (int i = 0; i < virtualNodes; i++) {
                points.put(hash(member + "#" + i), member);
            }
        }
    }

    public List<String> members() {
        return members;
    }

    /** The instance a key belongs to; null when the ring is empty. */
    public String owner(String key) {
        if (points.isEmpty()) {
            return null;
        }
        Map.Entry<Long, String> at = points.ceilingEntry(hash(key));
        return (at != null ? at : points.firstEntry()).getValue();
    }

    /** FNV-1a over the UTF-8 bytes, then MurmurHash3's 64-bit finaliser for an even spread. */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
