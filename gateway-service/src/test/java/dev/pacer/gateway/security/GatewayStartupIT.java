package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.gateway.GatewayApplication;
import dev.pacer.testsupport.TestRedis;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Authentication is on by default: with no credential at all the gateway does not start; switched off, it says so loudly. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayStartupIT {

    @Test
    void withSecurityOnByDefault_andNoCredential_theGatewayRefusesToStart() {
        assertThatThrownBy(() -> start()).satisfies(e -> {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            assertThat(root).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("pacer.gateway.security.enabled is true but no credential is configured")
                    .hasMessageContaining("pacer.gateway.security.admin.name");
        });
    }

    @Test
    void withSecurityOff_aWarnLineSaysSo(CapturedOutput output) {
        try (ConfigurableApplicationContext gateway = start("--pacer.gateway.security.enabled=false")) {
            assertThat(gateway.isRunning()).isTrue();
        }
        assertThat(output.getOut()).containsPattern("WARN .*GATEWAY SECURITY IS OFF \\(pacer.gateway.security.enabled=false\\)");
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = Stream.concat(Stream.of("--server.port=0", "--eureka.client.enabled=false",
                "--spring.data.redis.url=" + TestRedis.url()), Arrays.stream(args)).toArray(String[]::new);
        return new SpringApplicationBuilder(GatewayApplication.class).run(all);
    }
}
