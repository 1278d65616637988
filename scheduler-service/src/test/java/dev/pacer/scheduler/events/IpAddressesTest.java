package dev.pacer.scheduler.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void anIpv4Literal_isTheTasksAddress() {
        assertThat(IpAddresses.of("10.0.0.7")).containsExactly(Map.of("ipAddress", "10.0.0.7", "protocol", "IPv4"));
    }

    @Test
    void anIpv6Literal_isTheTasksAddress_withoutBrackets() {
        assertThat(IpAddresses.of("fd00::7")).containsExactly(Map.of("ipAddress", "fd00::7", "protocol", "IPv6"));
        assertThat(IpAddresses.of("[::1]")).containsExactly(Map.of("ipAddress", "::1", "protocol", "IPv6"));
    }

    @Test
    void aHostName_orNoHost_isNoAddress_andNothingIsResolved() {
        assertThat(IpAddresses.of("localhost")).isEmpty();
        assertThat(IpAddresses.of("node-1.example.invalid")).isEmpty();
        assertThat(IpAddresses.of("10.0.0.256")).isEmpty();
        assertThat(IpAddresses.of("1.2.3")).isEmpty();
        assertThat(IpAddresses.of("fd00::zz")).isEmpty();
        assertThat(IpAddresses.of("")).isEmpty();
        assertThat(IpAddresses.of(null)).isEqualTo(List.of());
    }
}
