package dev.pacer.contract.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.ids.AppId;
import org.junit.jupiter.api.Test;

class AppDiscoveryTest {

    @Test
    void eurekaAppName_isReversible() {
        AppId app = AppId.parse("/team-a/web.v2/api");
        String name = AppDiscovery.eurekaAppName(app);
        assertThat(name).isEqualTo("APP-TEAM-A_WEB.V2_API");
        assertThat(AppDiscovery.appIdOf(name)).isEqualTo(app);
        assertThat(AppDiscovery.appIdOf(name.toLowerCase())).isEqualTo(app);
    }

    @Test
    void controlPlaneServices_areNotApps() {
        assertThat(AppDiscovery.appIdOf("SCHEDULER-SERVICE")).isNull();
    }
}
