package dev.pacer.boot.tls;

import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * The one place internal HTTP clients get their transport from: with mutual TLS on, an
 * {@link SSLContext} that presents this service's certificate and trusts only the cluster's CA, and
 * {@code https} as the scheme of every internal URL; off, plain {@code http} (loopback only).
 */
public final class PacerTls {

    private static final PacerTls OFF = new PacerTls(null);

    private final SSLContext context;

    private PacerTls(SSLContext context) {
        this.context = context;
    }

    public static PacerTls off() {
        return OFF;
    }

    public static PacerTls of(SSLContext context) {
        return new PacerTls(Objects.requireNonNull(context, "context"));
    }

    public boolean enabled() {
        return context != null;
    }

    /** {@code https} with TLS on, else {@code http}. */
    public String scheme() {
        return enabled() ? "https" : "http";
    }

    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(context);
    }

    /** A JDK client builder (HTTP/1.1) that presents this service's certificate when TLS is on. */
    public HttpClient.Builder httpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        if (context != null) {
            builder.sslContext(context);
        }
        return builder;
    }

    @Override
    public String toString() {
        return enabled() ? "PacerTls[mutual TLS]" : "PacerTls[off]";
    }
}
