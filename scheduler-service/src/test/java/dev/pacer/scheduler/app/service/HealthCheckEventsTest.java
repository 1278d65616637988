package dev.pacer.scheduler.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.HealthCheck;
import dev.pacer.contract.marathon.app.Timestamp;
import dev.pacer.scheduler.events.EventLog;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckEventsTest {

    private static final HealthCheck HTTP = check("HTTP", "/health", null);
    private static final HealthCheck TCP = check("TCP", null, null);

    private final List<String> written = new ArrayList<>();
    private final List<Map<String, Object>> fields = new ArrayList<>();
    private final HealthCheckEvents events = new HealthCheckEvents(new EventLog(null, null, null, null, new SimpleMeterRegistry()) {
        @Override
        public String append(String eventType, Map<String, ?> event, Collection<String> apps) {
            written.add(eventType);
            fields.add(new LinkedHashMap<>(event));
            return "1-0";
        }
    });

    @Test
    void aNewApp_addsEachOfItsChecks_withItsVersion() {
        events.changed(null, app("2026-12-02T15:16:25.476Z", HTTP, TCP));
        assertThat(written).containsExactly("add_health_check_event", "add_health_check_event");
        assertThat(fields.get(0)).containsEntry("appId", "/a").containsEntry("version", "2026-12-02T15:16:25.476Z")
                .containsEntry("healthCheck", HTTP);
        assertThat(fields.get(1)).containsEntry("healthCheck", TCP);
    }

    @Test
    void anUpdate_addsNewAndChangedChecks_removesGoneAndChangedOnes_andKeepsEqualOnesQuiet() {
        HealthCheck changed = check("HTTP", "/ready", null);
        events.changed(app("2026-12-02T15:16:25.476Z", HTTP, TCP), app("2026-12-02T15:17:00.000Z", TCP, changed));
        assertThat(written).containsExactly("add_health_check_event", "remove_health_check_event");
        assertThat(fields.get(0)).containsEntry("healthCheck", changed).containsEntry("version", "2026-12-02T15:17:00.000Z");
        assertThat(fields.get(1)).isEqualTo(Map.of("appId", "/a"));
    }

    @Test
    void aDeletedApp_removesEveryCheck_andAnAppWithoutChecksWritesNothing() {
        events.changed(app("2026-12-02T15:16:25.476Z", HTTP, TCP), null);
        assertThat(written).containsExactly("remove_health_check_event", "remove_health_check_event");
        written.clear();
        events.changed(app("2026-12-02T15:16:25.476Z"), app("2026-12-02T15:17:00.000Z"));
        assertThat(written).isEmpty();
    }

    @Test
    void aHugeCommand_isLeftOut_andTheEventSaysItIsTruncated() {
        HealthCheck huge = check("COMMAND", null, new HealthCheck.Command("x".repeat(10_000)));
        events.changed(null, app("2026-12-02T15:16:25.476Z", huge));
        HealthCheck written = (HealthCheck) fields.get(0).get("healthCheck");
        assertThat(written.command()).isNull();
        assertThat(written.protocol()).isEqualTo("COMMAND");
        assertThat(fields.get(0)).containsEntry("pacer", Map.of("truncated", true));
    }

    private static AppDefinition app(String version, HealthCheck... checks) {
        return AppDefinition.builder().id("/a").cmd("serve").version(Timestamp.parse(version)).healthChecks(List.of(checks)).build();
    }

    private static HealthCheck check(String protocol, String path, HealthCheck.Command command) {
        return new HealthCheck(protocol, path, 0, null, command, 300, 60, 20, 3, 15, false, "IPv4");
    }
}
