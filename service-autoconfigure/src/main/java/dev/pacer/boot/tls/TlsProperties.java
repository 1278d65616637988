package dev.pacer.boot.tls;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mutual TLS between Pacer's services. With the three files set, the service defines the SSL bundle
 * {@value TlsEnvironment#BUNDLE} from them, serves HTTPS that requires a client certificate issued by
 * the CA, registers in Eureka as secure, and presents its certificate on every internal call. Without
 * them, the service binds its internal port to 127.0.0.1 only and logs that it is plaintext.
 * Environment: {@code PACER_TLS_CA}, {@code PACER_TLS_CERTIFICATE}, {@code PACER_TLS_PRIVATE_KEY}.
 *
 * @param ca          PEM file of the cluster's CA certificate(s): the only issuer whose certificates
 *                    are accepted from callers and from the services called
 * @param certificate PEM file of this process's certificate (chain); its subject's common name is the
 *                    service identity ({@code scheduler}, {@code agent:<id>}, {@code gateway}, ...)
 * @param privateKey  PEM file (PKCS#8 or traditional) of this certificate's private key; keep it 0600
 * @param server      whether the main port is an internal one (HTTPS with {@code client-auth=need}); the
 *                    gateway sets false: its public port is for users, and only its management port (if
 *                    {@code management.server.port} is set) requires a certificate
 */
@ConfigurationProperties(TlsProperties.PREFIX)
public record TlsProperties(Path ca, Path certificate, Path privateKey, @DefaultValue("true") boolean server) {

    public static final String PREFIX = "pacer.tls";

    public TlsProperties {
        int set = (ca != null ? 1 : 0) + (certificate != null ? 1 : 0) + (privateKey != null ? 1 : 0);
        if (set != 0 && set != 3) {
            throw new IllegalArgumentException(PREFIX + ".ca, " + PREFIX + ".certificate and " + PREFIX
                    + ".private-key go together: set all three (mutual TLS) or none (plaintext on 127.0.0.1)");
        }
    }

    /** Whether mutual TLS is on. */
    public boolean configured() {
        return ca != null;
    }
}
