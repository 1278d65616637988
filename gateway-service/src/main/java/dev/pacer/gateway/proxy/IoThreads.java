package dev.pacer.gateway.proxy;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * {@code pacer.gateway.io-threads} ({@code PACER_GATEWAY_IO_THREADS}): how many Netty event loops the
 * gateway serves and proxies on; default: one per available processor (Reactor Netty's own default is at
 * least four, more loops than cores on small hosts). Reactor Netty reads {@code reactor.netty.ioWorkerCount}
 * once, when its loops are first created, so this sets it before the application context starts; an
 * explicit {@code -Dreactor.netty.ioWorkerCount} wins.
 */
public final class IoThreads implements EnvironmentPostProcessor {

    static final String PROPERTY = "pacer.gateway.io-threads";
    static final String REACTOR_PROPERTY = "reactor.netty.ioWorkerCount";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (System.getProperty(REACTOR_PROPERTY) != null) {
            return;
        }
        Integer threads = environment.getProperty(PROPERTY, Integer.class);
        int count = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (count < 1) {
            throw new IllegalArgumentException(PROPERTY + " must be at least 1, was " + count);
        }
        System.setProperty(REACTOR_PROPERTY, Integer.toString(count));
    }
}
