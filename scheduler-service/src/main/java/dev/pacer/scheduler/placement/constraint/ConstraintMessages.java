package dev.pacer.scheduler.placement.constraint;

/** Marathon's constraint validation messages, verbatim (reference §2, {@code SchedulingValidation.scala}). */
final class ConstraintMessages {

    public static final String FIELD_COUNT = "Each constraint must have either 2 or 3 fields";
    public static final String ILLEGAL_SPECIFICATION = "illegal constraint specification";
    public static final String OPERATOR_INVALID =
            "operator must be one of the following UNIQUE, CLUSTER, GROUP_BY, LIKE, MAX_PER, UNLIKE or IS";
    public static final String UNIQUE_NO_VALUE = "UNIQUE does not accept a value";
    public static final String MAX_PER_INT = "MAX_PER requires an integer value";
    public static final String GROUP_BY_INT = "GROUP BY must define an integer value or else no value at all";
    public static final String LIKE_UNLIKE_REGEX = "LIKE and UNLIKE require a non-empty, regular expression value";
    public static final String INVALID_REGEX = "is not a valid regular expression";
    public static final String IS_REQUIRES_VALUE = "IS requires a value";
    public static final String IS_ONLY_TEXT = "IS only supports Mesos text and float values "
            + "(see http://mesos.apache.org/documentation/latest/attributes-resources/)";

    private ConstraintMessages() {
    }
}
