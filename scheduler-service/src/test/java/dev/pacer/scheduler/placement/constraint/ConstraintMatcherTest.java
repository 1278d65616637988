package dev.pacer.scheduler.placement.constraint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.scheduler.placement.Agents;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConstraintMatcherTest {

    private static final ValueCounts NONE = ValueCounts.NONE;

    private static boolean accepts(Constraint c, String value, ValueCounts placed, Set<String> offered) {
        return new ConstraintMatcher(c).accepts(value, placed, offered);
    }

    private static boolean accepts(Constraint c, String value, ValueCounts placed) {
        return accepts(c, value, placed, Set.of());
    }

    private static ValueCounts counts(Map<String, Integer> byValue) {
        return new ValueCounts(byValue, 0);
    }

    @Test
    void isolationLikeCgroups_acceptsOnlyAgentsThatIsolateTheirTasks() {
        Constraint isolated = new Constraint("isolation", Operator.LIKE, "cgroups");
        String onRootAgent = AgentFields.value(Agents.info("a1", "z", "isolation", "cgroups"), "isolation");
        String onLaptop = AgentFields.value(Agents.info("a2", "z", "isolation", "none"), "isolation");
        assertThat(accepts(isolated, onRootAgent, NONE)).isTrue();
        assertThat(accepts(isolated, onLaptop, NONE)).isFalse();
    }

    @Test
    void unique_acceptsOnlyValuesWithoutATaskOfTheApp() {
        Constraint unique = Constraint.of("hostname", Operator.UNIQUE);
        assertThat(accepts(unique, "h1", NONE)).isTrue();
        assertThat(accepts(unique, "h1", counts(Map.of("h1", 1)))).isFalse();
        assertThat(accepts(unique, "h2", counts(Map.of("h1", 1)))).isTrue();
    }

    @Test
    void clusterWithAValue_acceptsOnlyThatValue() {
        Constraint cluster = new Constraint("rack", Operator.CLUSTER, "r1");
        assertThat(accepts(cluster, "r1", NONE)).isTrue();
        assertThat(accepts(cluster, "r2", NONE)).isFalse();
    }

    @Test
    void clusterWithoutAValue_acceptsAnyValueFirst_thenPinsToTheValueOfTheExistingTasks() {
        Constraint cluster = Constraint.of("rack", Operator.CLUSTER);
        assertThat(accepts(cluster, "r2", NONE)).isTrue();
        assertThat(accepts(cluster, "r1", counts(Map.of("r1", 2)))).isTrue();
        assertThat(accepts(cluster, "r2", counts(Map.of("r1", 2)))).isFalse();
    }

    @Test
    void groupByWithoutACount_acceptsOnlyTheLeastUsedValues_amongThoseOffered() {
        Constraint groupBy = Constraint.of("@zone", Operator.GROUP_BY);
        Set<String> offered = Set.of("a", "b", "c");
        ValueCounts aAndB = counts(Map.of("a", 1, "b", 1));
        assertThat(accepts(groupBy, "a", aAndB, offered)).isFalse();
        assertThat(accepts(groupBy, "c", aAndB, offered)).isTrue();
        ValueCounts evenlySpread = counts(Map.of("a", 1, "b", 1, "c", 1));
        assertThat(accepts(groupBy, "a", evenlySpread, offered)).isTrue();
        assertThat(accepts(groupBy, "b", counts(Map.of("a", 2, "b", 1, "c", 1)), offered)).isTrue();
        assertThat(accepts(groupBy, "a", counts(Map.of("a", 2, "b", 1, "c", 1)), offered)).isFalse();
    }

    @Test
    void groupByWithoutACount_ignoresValuesNoAgentInTheRunningOffers() {
        Constraint groupBy = Constraint.of("@zone", Operator.GROUP_BY);
        assertThat(accepts(groupBy, "a", counts(Map.of("a", 1, "b", 1)), Set.of("a", "b"))).isTrue();
    }

    @Test
    void groupByWithACount_usesUnseenValuesFirst_untilThatManyAreUsed() {
        Constraint groupBy = new Constraint("@zone", Operator.GROUP_BY, "2");
        Set<String> offered = Set.of("a", "b", "c");
        assertThat(accepts(groupBy, "a", counts(Map.of("a", 1)), offered)).isFalse();
        assertThat(accepts(groupBy, "b", counts(Map.of("a", 1)), offered)).isTrue();
        // two values used: spread evenly between them, c (unused) does not hold the others back
        ValueCounts twoUsed = counts(Map.of("a", 1, "b", 1));
        assertThat(accepts(groupBy, "a", twoUsed, offered)).isTrue();
        assertThat(accepts(groupBy, "b", counts(Map.of("a", 2, "b", 1)), offered)).isTrue();
        assertThat(accepts(groupBy, "a", counts(Map.of("a", 2, "b", 1)), offered)).isFalse();
    }

    @Test
    void like_needsAFullMatch() {
        Constraint like = new Constraint("hostname", Operator.LIKE, "web-[0-9]+");
        assertThat(accepts(like, "web-12", NONE)).isTrue();
        assertThat(accepts(like, "web-12.example", NONE)).isFalse();
    }

    @Test
    void unlike_rejectsFullMatchesOnly() {
        Constraint unlike = new Constraint("rack", Operator.UNLIKE, "r[12]");
        assertThat(accepts(unlike, "r1", NONE)).isFalse();
        assertThat(accepts(unlike, "r3", NONE)).isTrue();
        assertThat(accepts(unlike, "r10", NONE)).isTrue();
    }

    @Test
    void maxPer_acceptsUpToNTasksPerValue() {
        Constraint maxPer = new Constraint("rack", Operator.MAX_PER, "2");
        assertThat(accepts(maxPer, "r1", counts(Map.of("r1", 1)))).isTrue();
        assertThat(accepts(maxPer, "r1", counts(Map.of("r1", 2)))).isFalse();
    }

    @Test
    void is_acceptsOnlyAnEqualValue() {
        Constraint is = new Constraint("rack", Operator.IS, "r1");
        assertThat(accepts(is, "r1", NONE)).isTrue();
        assertThat(accepts(is, "r11", NONE)).isFalse();
    }

    @Test
    void anAgentWithoutTheAttribute_matchesOnlyUnlike() {
        for (Constraint c : new Constraint[] {
                Constraint.of("rack", Operator.UNIQUE), Constraint.of("rack", Operator.CLUSTER),
                new Constraint("rack", Operator.CLUSTER, "r1"), Constraint.of("rack", Operator.GROUP_BY),
                new Constraint("rack", Operator.LIKE, ".*"), new Constraint("rack", Operator.MAX_PER, "5"),
                new Constraint("rack", Operator.IS, "r1")}) {
            assertThat(accepts(c, null, NONE, Set.of())).as(c.toString()).isFalse();
        }
        assertThat(accepts(new Constraint("rack", Operator.UNLIKE, ".*"), null, NONE)).isTrue();
    }

    @Test
    void fields_areReadFromHostZoneRegionOrAttributes() {
        var agent = Agents.info("a1", "z1", "rack", "r1");
        assertThat(AgentFields.value(agent, "hostname")).isEqualTo("a1.example");
        assertThat(AgentFields.value(agent, "@hostname")).isEqualTo("a1.example");
        assertThat(AgentFields.value(agent, "@zone")).isEqualTo("z1");
        assertThat(AgentFields.value(agent, "@region")).isEqualTo("eu");
        assertThat(AgentFields.value(agent, "rack")).isEqualTo("r1");
        assertThat(AgentFields.value(agent, "zone")).isNull();
    }
}
