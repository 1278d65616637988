package dev.pacer.boot.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.pacer.boot.tls.PacerTls;
import dev.pacer.testsupport.Http;
import dev.pacer.testsupport.TestRedis;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without {@code pacer.tls.*}, a service is plaintext but reachable on loopback only. */
@SpringBootTest(classes = LoopbackWithoutTlsIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.application.name=discovery-service")  // not a name ClusterMembershipIT watches
class LoopbackWithoutTlsIT {

    @DynamicPropertySource
    static void redis(DynamicPropertyRegistry registry) {
        registry.add("spring.data.redis.url", TestRedis::url);
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    PacerTls tls;

    @Test
    void thePortAnswersOnLoopback_andOnNoOtherInterface() throws IOException {
        assertThat(tls.enabled()).isFalse();
        assertThat(Http.get("http://127.0.0.1:" + port + "/actuator/health").status()).isEqualTo(200);
        Optional<InetAddress> other = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(n -> Collections.list(n.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).findFirst();
        assumeTrue(other.isPresent(), "this machine has no non-loopback IPv4 address");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(other.get(), port), 1000);
            throw new AssertionError("port " + port + " answered on " + other.get());
        } catch (IOException expected) {
            // refused: nothing listens there
        }
    }

    @SpringBootApplication
    static class App {
    }
}
