/**
 * Marathon's app definition as plain records ({@code POST/PUT/PATCH /v2/apps}, reference §4).
 *
 * <p>Every component is nullable and null means "absent": the records hold a request exactly as sent,
 * and the scheduler's normaliser ({@code dev.pacer.scheduler.definition}) turns them into the
 * canonical form with Marathon's defaults. Fields whose JSON has two shapes use a small record with a
 * delegating creator and a {@code @JsonValue} ({@link dev.pacer.contract.marathon.app.EnvValue},
 * {@link dev.pacer.contract.marathon.app.UnreachableStrategy},
 * {@link dev.pacer.contract.marathon.app.ResourceLimits.Limit},
 * {@link dev.pacer.contract.marathon.app.Timestamp}), so this module needs only jackson-annotations.
 * Parts Pacer does not interpret ({@code container.volumes}, {@code container.linuxInfo},
 * {@code check}, {@code ipAddress}) are generic JSON maps that round-trip unchanged.
 */
package dev.pacer.contract.marathon.app;
