package dev.pacer.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class IoThreadsTest {

    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(IoThreads.REACTOR_PROPERTY);
        System.clearProperty(IoThreads.REACTOR_PROPERTY);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(IoThreads.REACTOR_PROPERTY);
        } else {
            System.setProperty(IoThreads.REACTOR_PROPERTY, saved);
        }
    }

    @Test
    void theConfiguredCountReachesReactorNetty() {
        new IoThreads().postProcessEnvironment(new MockEnvironment().withProperty(IoThreads.PROPERTY, "3"), new SpringApplication());
        assertThat(System.getProperty(IoThreads.REACTOR_PROPERTY)).isEqualTo("3");
    }

    @Test
    void withoutSettingOneLoopPerProcessor() {
        new IoThreads().postProcessEnvironment(new MockEnvironment(), new SpringApplication());
        assertThat(System.getProperty(IoThreads.REACTOR_PROPERTY))
                .isEqualTo(Integer.toString(Runtime.getRuntime().availableProcessors()));
    }

    @Test
    void anExplicitSystemPropertyWins() {
        System.setProperty(IoThreads.REACTOR_PROPERTY, "5");
        new IoThreads().postProcessEnvironment(new MockEnvironment().withProperty(IoThreads.PROPERTY, "1"), new SpringApplication());
        assertThat(System.getProperty(IoThreads.REACTOR_PROPERTY)).isEqualTo("5");
    }

    @Test
    void zeroIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new IoThreads().postProcessEnvironment(
                new MockEnvironment().withProperty(IoThreads.PROPERTY, "0"), new SpringApplication()))
                .hasMessageContaining("pacer.gateway.io-threads");
    }
}
