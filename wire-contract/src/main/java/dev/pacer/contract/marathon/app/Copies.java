package dev.pacer.contract.marathon.app;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive, order-keeping, null-keeping copies for the records of this package (null = absent). */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> source) {
        return source == null ? null : Collections.unmodifiableList(new ArrayList<>(source));
    }

    static <K, V> Map<K, V> map(Map<K, V> source) {
        return source == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(source));
    }
}
