package dev.pacer.contract.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProbeUriTest {

    @Test
    void aPathThatWouldBeAnAuthority_staysAPathOfTheTask() {
        URI uri = ProbeUri.of(false, "10.0.0.5", 31000, "@169.254.169.254/latest/meta-data");
        assertThat(uri.getHost()).isEqualTo("10.0.0.5");
        assertThat(uri.getPort()).isEqualTo(31000);
        assertThat(uri.getRawPath()).isEqualTo("/@169.254.169.254/latest/meta-data");
        assertThat(uri.toString()).isEqualTo("http://10.0.0.5:31000/@169.254.169.254/latest/meta-data");
    }

    @ParameterizedTest
    @ValueSource(strings = {"//169.254.169.254/x", ":80@evil.example/", "\\\\evil.example/x", "/#@evil.example/",
            "/?@evil.example", "/ \r\nHost: evil.example", "@evil.example:80", "/%2F%2Fevil", "//evil.example:99",
            "?x=1", "#frag", "/\u00e9t\u00e9", "[::1]/", ""})
    void noPathChangesTheHostOrPort(String path) {
        URI uri = ProbeUri.of(true, "task.local", 8443, path);
        assertThat(uri.getScheme()).isEqualTo("https");
        assertThat(uri.getHost()).isEqualTo("task.local");
        assertThat(uri.getPort()).isEqualTo(8443);
        assertThat(uri.getRawAuthority()).isEqualTo("task.local:8443");
        assertThat(uri.getRawPath()).startsWith("/");
        assertThat(uri.toString()).doesNotContain(" ", "\r", "\n", "#");
    }

    @Test
    void queriesAndEscapesAreKept_andIllegalCharactersEncoded() {
        assertThat(ProbeUri.of(false, "h", 1, "/health?full=1&x=%20").toString()).isEqualTo("http://h:1/health?full=1&x=%20");
        assertThat(ProbeUri.of(false, "h", 1, "/a b#c").toString()).isEqualTo("http://h:1/a%20b%23c");
        assertThat(ProbeUri.of(false, "h", 1, "/100%").toString()).isEqualTo("http://h:1/100%25");
        assertThat(ProbeUri.of(false, "h", 1, null).toString()).isEqualTo("http://h:1/");
        assertThat(ProbeUri.of(false, "h", 1, "health").toString()).isEqualTo("http://h:1/health");
    }

    @Test
    void ipv6HostsAreBracketed() {
        assertThat(ProbeUri.of(false, "::1", 8080, "/x").toString()).isEqualTo("http://[::1]:8080/x");
        assertThat(ProbeUri.of(false, "[::1]", 8080, "/x").getPort()).isEqualTo(8080);
    }
}
