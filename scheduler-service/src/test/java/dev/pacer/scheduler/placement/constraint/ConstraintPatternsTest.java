package dev.pacer.scheduler.placement.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintPatternsTest {

    @Test
    void aPatternThatStallsTheJdkEngine_matchesInLinearTime() {
        // the JDK's backtracking engine takes seconds at 25 characters and doubles with each one more
        Constraint stalling = new Constraint("hostname", Operator.LIKE, "(.*a){20}");
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThat(new ConstraintMatcher(stalling)
                .accepts("a".repeat(40) + "!", ValueCounts.NONE, Set.of())).isFalse());
    }

    @Test
    void aCatastrophicPatternForBacktracking_matchesInLinearTime() {
        Constraint like = new Constraint("hostname", Operator.LIKE, "(.|.|.)*z");
        Constraint unlike = new Constraint("hostname", Operator.UNLIKE, "(a+)+$");
        String hostile = "a".repeat(5_000) + "!";
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            for (int i = 0; i < 100; i++) {
                assertThat(new ConstraintMatcher(like).accepts(hostile, ValueCounts.NONE, Set.of())).isFalse();
                assertThat(new ConstraintMatcher(unlike).accepts(hostile, ValueCounts.NONE, Set.of())).isTrue();
            }
        });
    }

    @Test
    void matchingIsFullMatch_asInMarathon() {
        Constraint rack = new Constraint("rack", Operator.LIKE, "rack-[0-9]");
        ConstraintMatcher matcher = new ConstraintMatcher(rack);
        assertThat(matcher.accepts("rack-1", ValueCounts.NONE, Set.of())).isTrue();
        assertThat(matcher.accepts("rack-12", ValueCounts.NONE, Set.of())).isFalse();
        assertThat(matcher.accepts("xrack-1", ValueCounts.NONE, Set.of())).isFalse();
        assertThat(new ConstraintMatcher(new Constraint("h", Operator.LIKE, "a|ab")).accepts("ab", ValueCounts.NONE,
                Set.of())).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?=a)a", "(a)\\1", "[", "a**", "a{1001}", "(a{1000}){1000}", "((a{100}){100}){2}",
            "(x{100}y{100}){60}"})
    void patternsRe2CannotRunOrThatExpandTooFar_areRefused(String regex) {
        assertThat(ConstraintPatterns.problem(regex)).get().asString().startsWith(ConstraintMessages.INVALID_REGEX);
        assertThat(ConstraintPatterns.compile(regex)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rack-[0-9]+", "web-(a|b)-\\d{1,3}", "\\p{L}+", "(?i)zone-a", "[0-9]{1,3}(\\.[0-9]{1,3}){3}",
            "x{2,}", ".*", "[]a]{10}"})
    void ordinaryPatterns_areAccepted(String regex) {
        assertThat(ConstraintPatterns.problem(regex)).isEmpty();
    }

    @Test
    void expansionMultipliesNestedRepetitions() {
        assertThat(ConstraintPatterns.expansion("abc")).isEqualTo(3);
        assertThat(ConstraintPatterns.expansion("a{10}")).isEqualTo(10);
        assertThat(ConstraintPatterns.expansion("(ab){10}c")).isEqualTo(21);
        assertThat(ConstraintPatterns.expansion("((a){10}){10}")).isEqualTo(100);
        assertThat(ConstraintPatterns.expansion("[a-z]{3,5}")).isEqualTo(5);
        assertThat(ConstraintPatterns.expansion("\\d{4}")).isEqualTo(4);
    }

    @Test
    void aStoredPatternThatIsRefusedNow_acceptsNoAgent() {
        for (Operator operator : new Operator[] {Operator.LIKE, Operator.UNLIKE}) {
            ConstraintMatcher matcher = new ConstraintMatcher(new Constraint("rack", operator, "(?=r)r1"));
            assertThat(matcher.accepts("r1", ValueCounts.NONE, Set.of())).isFalse();
            assertThat(matcher.accepts("r2", ValueCounts.NONE, Set.of())).isFalse();
            assertThat(matcher.accepts(null, ValueCounts.NONE, Set.of())).isFalse();
        }
    }
}
