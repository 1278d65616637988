package dev.pacer.boot.limits;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.type.LogicalType;

/**
 * How every Pacer service reads JSON: within {@link RequestLimitsProperties}' stream limits (document
 * length, nesting depth, string and name length) and without scalar coercion — {@code "3"} is not a
 * number, {@code 3.5} is not an integer, {@code 123} and {@code true} are not strings, {@code 1} is not
 * a boolean, {@code ""} is not a number. A value of the wrong type is a mapping error (a 4xx naming its
 * path), never silently converted.
 */
public final class JsonLimits {

    private JsonLimits() {
    }

    public static StreamReadConstraints constraints(RequestLimitsProperties limits) {
        return StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxBodySize().toBytes())
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(limits.maxJsonStringLength())
                .maxNameLength(limits.maxJsonNameLength())
                .build();
    }

    /** A JSON factory whose parsers keep to the limits. */
    public static JsonFactory factory(RequestLimitsProperties limits) {
        return JsonFactory.builder().streamReadConstraints(constraints(limits)).build();
    }

    /** Turns off every scalar coercion of {@code builder}'s mapper. */
    public static <B extends MapperBuilder<?, B>> B strictScalars(B builder) {
        return builder
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, bool -> bool
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfigDefaults(all -> all
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
