package dev.pacer.scheduler.placement.constraint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.contract.error.ErrorDetail;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintValidatorTest {

    @Test
    void validConstraints_ofEveryOperator_haveNoErrors() {
        assertThat(ConstraintValidator.validate(List.of(
                List.of("hostname", "UNIQUE"),
                List.of("rack", "CLUSTER", "r1"),
                List.of("rack", "CLUSTER"),
                List.of("@zone", "GROUP_BY"),
                List.of("@zone", "GROUP_BY", "3"),
                List.of("hostname", "LIKE", "web-[0-9]+"),
                List.of("hostname", "UNLIKE", "db.*"),
                List.of("@region", "MAX_PER", "2"),
                List.of("rack", "IS", "r1")))).isEmpty();
    }

    @Test
    void noConstraints_areValid() {
        assertThat(ConstraintValidator.validate(List.of())).isEmpty();
        assertThat(ConstraintValidator.validate(null)).isEmpty();
    }

    @Test
    void operator_isUpperCasedBeforeChecking() {
        assertThat(ConstraintValidator.validate(List.of(List.of("hostname", "unique"), List.of("rack", "Max_Per", "1"))))
                .isEmpty();
    }

    @Test
    void anEmptyValue_countsAsAbsent_asTheMarathonJavaClientSendsIt() {
        assertThat(ConstraintValidator.validate(List.of(List.of("hostname", "UNIQUE", ""), List.of("rack", "GROUP_BY", ""))))
                .isEmpty();
    }

    @Test
    void wrongNumberOfFields_isReportedAtItsIndex() {
        assertThat(ConstraintValidator.validate(List.of(List.of("hostname", "UNIQUE"), List.of("hostname"),
                List.of("a", "CLUSTER", "b", "c"))))
                .containsExactly(
                        ErrorDetail.of("/constraints(1)", "Each constraint must have either 2 or 3 fields"),
                        ErrorDetail.of("/constraints(2)", "Each constraint must have either 2 or 3 fields"));
    }

    @Test
    void unknownOperator_namesTheSevenOperators() {
        assertThat(ConstraintValidator.validate(List.of(List.of("hostname", "UNIQ"))))
                .containsExactly(ErrorDetail.of("/constraints(0)",
                        "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS"));
    }

    @Test
    void emptyField_isAnIllegalSpecification() {
        assertThat(ConstraintValidator.validate(List.of(List.of("", "UNIQUE"))))
                .containsExactly(ErrorDetail.of("/constraints(0)", "illegal constraint specification"));
    }

    @Test
    void unique_withAValue_isRejected() {
        assertThat(ConstraintValidator.validate(List.of(List.of("hostname", "UNIQUE", "x"))))
                .containsExactly(ErrorDetail.of("/constraints(0)", "UNIQUE does not accept a value"));
    }

    @Test
    void maxPer_withoutAnInteger_isRejected() {
        assertThat(ConstraintValidator.validate(List.of(List.of("rack", "MAX_PER"), List.of("rack", "MAX_PER", "two"))))
                .containsExactly(
                        ErrorDetail.of("/constraints(0)", "MAX_PER requires an integer value"),
                        ErrorDetail.of("/constraints(1)", "MAX_PER requires an integer value"));
    }

    @Test
    void groupBy_withANonInteger_isRejected() {
        assertThat(ConstraintValidator.validate(List.of(List.of("rack", "GROUP_BY", "many"))))
                .containsExactly(ErrorDetail.of("/constraints(0)", "GROUP BY must define an integer value or else no value at all"));
    }

    @Test
    void likeAndUnlike_withoutARegex_areRejected() {
        assertThat(ConstraintValidator.validate(List.of(List.of("rack", "LIKE"), List.of("rack", "UNLIKE", ""))))
                .containsExactly(
                        ErrorDetail.of("/constraints(0)", "LIKE and UNLIKE require a non-empty, regular expression value"),
                        ErrorDetail.of("/constraints(1)", "LIKE and UNLIKE require a non-empty, regular expression value"));
    }

    @Test
    void likeAndUnlike_withAnInvalidRegex_areRejected() {
        assertThat(ConstraintValidator.validate(List.of(List.of("rack", "LIKE", "r[1"), List.of("rack", "UNLIKE", "*"))))
                .containsExactly(
                        ErrorDetail.of("/constraints(0)", "is not a valid regular expression"),
                        ErrorDetail.of("/constraints(1)", "is not a valid regular expression"));
    }

    @Test
    void is_requiresATextOrScalarValue() {
        assertThat(ConstraintValidator.validate(List.of(List.of("rack", "IS"), List.of("rack", "IS", "a b"),
                List.of("cores", "IS", "2.5"))))
                .containsExactly(
                        ErrorDetail.of("/constraints(0)", "IS requires a value"),
                        ErrorDetail.of("/constraints(1)", ConstraintMessages.IS_ONLY_TEXT));
    }

    @Test
    void nullElements_areReportedNotThrown() {
        assertThat(ConstraintValidator.validate(Arrays.asList(null, Arrays.asList("rack", null),
                Arrays.asList(null, "UNIQUE"), Arrays.asList("hostname", "UNIQUE", null))))
                .containsExactly(
                        ErrorDetail.of("/constraints(0)", "Each constraint must have either 2 or 3 fields"),
                        ErrorDetail.of("/constraints(1)", ConstraintMessages.OPERATOR_INVALID),
                        ErrorDetail.of("/constraints(2)", "illegal constraint specification"));
    }

    @Test
    void parseAll_upperCasesOperators_dropsEmptyValues_andCollapsesDuplicates() {
        assertThat(Constraint.parseAll(List.of(
                List.of("hostname", "unique", ""),
                List.of("@zone", "GROUP_BY", "2"),
                List.of("hostname", "UNIQUE"))))
                .containsExactly(
                        new Constraint("hostname", Operator.UNIQUE, null),
                        new Constraint("@zone", Operator.GROUP_BY, "2"));
    }

    @Test
    void parseAll_refusesInvalidInput_namingThePath() {
        assertThatThrownBy(() -> Constraint.parseAll(List.of(List.of("hostname", "UNIQUE"), List.of("rack", "MAX_PER"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("/constraints(1): MAX_PER requires an integer value");
    }

    @Test
    void reason_namesOperatorAndField() {
        assertThat(Constraint.of("hostname", Operator.UNIQUE).reason()).isEqualTo("constraint_UNIQUE_hostname");
        assertThat(new Constraint("rack", Operator.CLUSTER, "r1").toWire()).containsExactly("rack", "CLUSTER", "r1");
    }
}
