package dev.pacer.gateway.apps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppHostsTest {

    private final AppHosts hosts = new AppHosts("apps.example.com");

    @Test
    void aHostUnderTheDomain_namesTheApp_labelsReversed() {
        assertThat(hosts.appId("web.team.apps.example.com")).hasToString("/team/web");
        assertThat(hosts.appId("web.team.apps.example.com:8080")).hasToString("/team/web");
        assertThat(hosts.appId("WEB.Team.Apps.Example.com")).hasToString("/team/web");
    }

    /** Each of these was let in by security on main (suffix match) and then routed to the API: none is app traffic now. */
    @Test
    void hostsThatNameNoApp_areNoAppTraffic() {
        for (String host : new String[] {".apps.example.com", "apps.example.com", "a..apps.example.com", "web_1.apps.example.com",
                "-x.apps.example.com", "x.apps.example.com.evil", "xapps.example.com", "[::1]:80", null, ""}) {
            assertThat(hosts.isAppHost(host)).as(host).isFalse();
        }
        assertThat(new AppHosts(null).isAppHost("web.team.apps.example.com")).isFalse();
    }
}
