package dev.pacer.scheduler.definition.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.boot.error.ApiException;
import dev.pacer.contract.RedisKeys;
import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.PortDefinition;
import dev.pacer.scheduler.support.RedisTestTemplates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

class ServicePortsIT {

    private final RedisTestTemplates templates = new RedisTestTemplates();
    private StringRedisTemplate redis;
    private ServicePorts ports;

    @BeforeEach
    void setUp() {
        templates.flushPacerKeys();
        redis = templates.template();
        ports = new ServicePorts(new RedisServicePortPool(redis, RedisTestTemplates.script("service-port-allocate.lua")), 10000, 10004);
    }

    @AfterEach
    void tearDown() {
        templates.close();
    }

    @Test
    void portZero_getsAServicePortFromTheRange_uniqueAcrossApps() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.addAll(ServicePorts.ports(ports.assign(null, app(0))));
        }
        assertThat(all).containsExactlyInAnyOrder(10000, 10001, 10002, 10003, 10004);
        assertThat(redis.opsForSet().size(RedisKeys.SERVICE_PORTS)).isEqualTo(5);
    }

    @Test
    void anUpdate_keepsTheAssignedPorts_andGivesBackThoseNoLongerUsed() {
        AppDefinition stored = ports.assign(null, app(0, 0));
        List<Integer> assigned = ServicePorts.ports(stored);

        AppDefinition updated = ports.assign(stored, app(0));

        assertThat(ServicePorts.ports(updated)).containsExactly(assigned.get(0));
        assertThat(redis.opsForSet().members(RedisKeys.SERVICE_PORTS)).containsExactly(Integer.toString(assigned.get(0)));
    }

    @Test
    void anExhaustedRange_is422NamingThePortDefinition_andTakesNothing() {
        ports.assign(null, app(0, 0, 0, 0));
        assertThatThrownBy(() -> ports.assign(null, app(0, 0)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(422);
                    assertThat(e.body().details().get(0).path()).isEqualTo("/portDefinitions(1)/port");
                });
        assertThat(redis.opsForSet().size(RedisKeys.SERVICE_PORTS)).isEqualTo(4);
    }

    @Test
    void releasingAnApp_freesItsPorts_butExplicitPortsAreKeptAsGiven() {
        AppDefinition app = ports.assign(null, app(0, 31337));
        assertThat(ServicePorts.ports(app).get(1)).isEqualTo(31337);
        ports.release(app);
        assertThat(redis.opsForSet().size(RedisKeys.SERVICE_PORTS)).isZero();
    }

    private static AppDefinition app(int... servicePorts) {
        List<PortDefinition> definitions = new ArrayList<>();
        for (int p : servicePorts) {
            definitions.add(new PortDefinition(p, "tcp", null, Map.of()));
        }
        return AppDefinition.builder().id("/web").cmd("x").portDefinitions(definitions).build();
    }
}
