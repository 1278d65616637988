package dev.pacer.scheduler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TrafficGate} does; each implementation's test extends this with its own gate. */
abstract class TrafficGateContract {

    static final AppId WEB = AppId.parse("/web");

    TrafficGate gate;

    /** A gate that denies nothing. */
    abstract TrafficGate newGate();

    @BeforeEach
    void createGate() {
        gate = newGate();
    }

    @Test
    void deny_replacesTheDeniedVersions_ofThatAppOnly() {
        gate.deny(WEB, List.of("v1", "v2"));
        gate.deny(WEB, List.of("v3"));
        gate.deny(AppId.parse("/db"), List.of("v9"));
        assertThat(gate.denied(WEB)).containsExactly("v3");
    }

    @Test
    void allowAll_andAnEmptyDenial_letEveryVersionIn() {
        gate.deny(WEB, List.of("v1"));
        gate.allowAll(WEB);
        assertThat(gate.denied(WEB)).isEmpty();
        gate.deny(WEB, List.of("v1"));
        gate.deny(WEB, List.of());
        assertThat(gate.denied(WEB)).isEmpty();
        gate.allowAll(AppId.parse("/never-denied"));
    }
}
