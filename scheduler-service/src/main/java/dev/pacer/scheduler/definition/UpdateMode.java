package dev.pacer.scheduler.definition;

/** How an update body applies to the stored app. */
public enum UpdateMode {
    /** {@code PATCH}, and {@code PUT} with {@code partialUpdate=true} (its default): fields the body has replace the stored ones, the others stay. */
    PARTIAL,
    /** {@code PUT} with {@code partialUpdate=false}: the body is the whole new definition; omitted fields get defaults. */
    FULL
}
