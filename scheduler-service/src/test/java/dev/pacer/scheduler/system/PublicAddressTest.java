package dev.pacer.scheduler.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicAddressTest {

    @Test
    void theLastForwardedValue_isTheGatewaysAddress() {
        assertThat(PublicAddress.forwarded("evil.example:1, gw.example:8080", null, "http"))
                .contains(new PublicAddress("gw.example:8080", 8080, false));
        assertThat(PublicAddress.forwarded("gw.example", "8443", "https")).contains(new PublicAddress("gw.example:8443", 8443, true));
        assertThat(PublicAddress.forwarded("[::1]:9000", null, null)).contains(new PublicAddress("[::1]:9000", 9000, false));
        assertThat(PublicAddress.forwarded("gw.example", null, "https")).contains(new PublicAddress("gw.example:443", 443, true));
    }

    @Test
    void noOrUnreadableHeaders_areNoAddress() {
        assertThat(PublicAddress.forwarded(null, "80", "http")).isEmpty();
        assertThat(PublicAddress.forwarded(" ", null, null)).isEmpty();
        assertThat(PublicAddress.forwarded("gw:port", null, null)).isEmpty();
        assertThat(PublicAddress.forwarded("gw:70000", null, null)).isEmpty();
    }
}
