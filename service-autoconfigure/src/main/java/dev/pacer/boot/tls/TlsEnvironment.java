package dev.pacer.boot.tls;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@link TlsProperties} into Spring Boot's own settings, before anything binds them. Every
 * setting is only a default: a property the operator set (anywhere) is never replaced.
 *
 * <p>With TLS: the PEM SSL bundle {@value #BUNDLE}; on an internal service, HTTPS with
 * {@code client-auth=need} on the main port and a secure Eureka registration (so {@code lb://} and
 * discovery clients resolve it to https); on the gateway ({@code pacer.tls.server=false}) the same on
 * the management port when one is set; the gateway's proxy client presents the bundle; a
 * {@code rediss://} Redis URL uses the bundle too.
 *
 * <p>Without TLS: the main (and management) port binds 127.0.0.1, except the gateway's public port.
 */
public class TlsEnvironment implements EnvironmentPostProcessor {

    public static final String BUNDLE = "pacer";
    static final String SOURCE = "pacerTls";
    private static final String PEM = "spring.ssl.bundle.pem." + BUNDLE + ".";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TlsProperties tls = Binder.get(environment).bind(TlsProperties.PREFIX, TlsProperties.class)
                .orElseGet(() -> new TlsProperties(null, null, null, true));
        Map<String, Object> derived = new LinkedHashMap<>();
        boolean management = environment.containsProperty("management.server.port");
        if (!tls.configured()) {
            if (tls.server()) {
                derived.put("server.address", "127.0.0.1");
            }
            if (management) {
                derived.put("management.server.address", "127.0.0.1");
            }
        } else {
            derived.put(PEM + "keystore.certificate", "file:" + tls.certificate());
            derived.put(PEM + "keystore.private-key", "file:" + tls.privateKey());
            derived.put(PEM + "truststore.certificate", "file:" + tls.ca());
            if (tls.server()) {
                derived.put("server.ssl.bundle", BUNDLE);
                derived.put("server.ssl.client-auth", "need");
                derived.put("eureka.instance.secure-port-enabled", "true");
                derived.put("eureka.instance.non-secure-port-enabled", "false");
                derived.put("eureka.instance.secure-port", "${server.port}");
            }
            if (management) {
                derived.put("management.server.ssl.bundle", BUNDLE);
                derived.put("management.server.ssl.client-auth", "need");
            }
            // the gateway's proxy: https upstreams (lb:// resolved to a secure instance) get the bundle
            derived.put("spring.cloud.gateway.server.webflux.httpclient.ssl.ssl-bundle", BUNDLE);
            if (environment.getProperty("spring.data.redis.url", "").startsWith("rediss://")) {
                derived.put("spring.data.redis.ssl.bundle", BUNDLE);
            }
        }
        derived.keySet().removeIf(environment::containsProperty);
        if (!derived.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(SOURCE, derived));
        }
    }
}
