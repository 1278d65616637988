package dev.pacer.scheduler.placement;

import java.util.Map;

/** What operators watch about placement: tasks placed, placements declined and why. */
public interface PlacementMetrics {

    void placed();

    /** A task could not be placed; {@code reasonCounts} as in {@link PlacementResult.Declined}. */
    void declined(Map<String, Integer> reasonCounts);

    PlacementMetrics NONE = new PlacementMetrics() {
        @Override
        public void placed() {
        }

        @Override
        public void declined(Map<String, Integer> reasonCounts) {
        }
    };
}
