package dev.pacer.boot.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class TlsEnvironmentTest {

    private static final Map<String, Object> TLS = Map.of(
            "pacer.tls.ca", "/etc/pacer/ca.pem",
            "pacer.tls.certificate", "/etc/pacer/cert.pem",
            "pacer.tls.private-key", "/etc/pacer/key.pem");

    @Test
    void withoutTls_anInternalServiceListensOnLoopbackOnly() {
        StandardEnvironment env = processed(Map.of());
        assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        assertThat(env.getProperty("server.ssl.bundle")).isNull();
        assertThat(env.getProperty("management.server.address")).isNull();
    }

    @Test
    void withoutTls_anAddressTheOperatorSet_isKept_andAManagementPortIsOnLoopbackToo() {
        StandardEnvironment env = processed(Map.of("server.address", "0.0.0.0", "management.server.port", "9000"));
        assertThat(env.getProperty("server.address")).isEqualTo("0.0.0.0");
        assertThat(env.getProperty("management.server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void withoutTls_theGatewaysPublicPortIsNotMovedToLoopback() {
        StandardEnvironment env = processed(Map.of("pacer.tls.server", "false"));
        assertThat(env.getProperty("server.address")).isNull();
    }

    @Test
    void withTls_theMainPortRequiresAClientCertificate_andEurekaSeesASecureInstance() {
        Map<String, Object> props = new HashMap<>(TLS);
        props.put("server.port", "8081");
        StandardEnvironment env = processed(props);
        assertThat(env.getProperty("spring.ssl.bundle.pem.pacer.keystore.certificate")).isEqualTo("file:/etc/pacer/cert.pem");
        assertThat(env.getProperty("spring.ssl.bundle.pem.pacer.keystore.private-key")).isEqualTo("file:/etc/pacer/key.pem");
        assertThat(env.getProperty("spring.ssl.bundle.pem.pacer.truststore.certificate")).isEqualTo("file:/etc/pacer/ca.pem");
        assertThat(env.getProperty("server.ssl.bundle")).isEqualTo("pacer");
        assertThat(env.getProperty("server.ssl.client-auth")).isEqualTo("need");
        assertThat(env.getProperty("eureka.instance.secure-port-enabled")).isEqualTo("true");
        assertThat(env.getProperty("eureka.instance.non-secure-port-enabled")).isEqualTo("false");
        assertThat(env.getProperty("eureka.instance.secure-port")).isEqualTo("8081");
        assertThat(env.getProperty("spring.cloud.gateway.server.webflux.httpclient.ssl.ssl-bundle")).isEqualTo("pacer");
        assertThat(env.getProperty("server.address")).as("TLS services listen where they are told").isNull();
    }

    @Test
    void withTls_theGateway_requiresCertificatesOnItsManagementPortOnly() {
        Map<String, Object> props = new HashMap<>(TLS);
        props.put("pacer.tls.server", "false");
        props.put("management.server.port", "8180");
        StandardEnvironment env = processed(props);
        assertThat(env.getProperty("server.ssl.bundle")).isNull();
        assertThat(env.getProperty("server.ssl.client-auth")).isNull();
        assertThat(env.getProperty("eureka.instance.secure-port-enabled")).isNull();
        assertThat(env.getProperty("management.server.ssl.bundle")).isEqualTo("pacer");
        assertThat(env.getProperty("management.server.ssl.client-auth")).isEqualTo("need");
        assertThat(env.getProperty("spring.cloud.gateway.server.webflux.httpclient.ssl.ssl-bundle")).isEqualTo("pacer");
    }

    @Test
    void withTls_aRedissUrl_usesTheBundle() {
        Map<String, Object> props = new HashMap<>(TLS);
        props.put("spring.data.redis.url", "rediss://pacer:pw@redis.internal:6380");
        assertThat(processed(props).getProperty("spring.data.redis.ssl.bundle")).isEqualTo("pacer");
        props.put("spring.data.redis.url", "redis://127.0.0.1:6379");
        assertThat(processed(props).getProperty("spring.data.redis.ssl.bundle")).isNull();
    }

    @Test
    void whatTheOperatorSet_isNeverReplaced() {
        Map<String, Object> props = new HashMap<>(TLS);
        props.put("server.ssl.client-auth", "want");
        assertThat(processed(props).getProperty("server.ssl.client-auth")).isEqualTo("want");
    }

    @Test
    void halfAConfiguration_failsStartUp() {
        assertThatThrownBy(() -> processed(Map.of("pacer.tls.ca", "/etc/pacer/ca.pem")))
                .rootCause().hasMessageContaining("go together");
    }

    private static StandardEnvironment processed(Map<String, Object> properties) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new TlsEnvironment().postProcessEnvironment(env, new SpringApplication());
        return env;
    }
}
