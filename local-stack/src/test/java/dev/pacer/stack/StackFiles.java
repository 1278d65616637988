package dev.pacer.stack;

import dev.pacer.runtime.ClusterPki;
import dev.pacer.testsupport.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * What a test reads from a running stack's directory (the launcher's {@code .pacer/} equivalent): the
 * operator's certificate for internal ports, the gateway admin's credential, Redis's password.
 */
record StackFiles(Path dir) {

    /** Presents the operator's certificate ({@code tls/operator/}) and trusts only the stack's CA. */
    SSLContext operatorTls() {
        return identityTls(StackPki.OPERATOR);
    }

    /** Presents the certificate of {@code name} (a process or {@code operator}/{@code prometheus}). */
    SSLContext identityTls(String name) {
        Path own = dir.resolve("tls").resolve(name);
        return new ClusterPki.Issued(name, ClusterPki.readCertificate(own.resolve(ClusterPki.CERT)),
                ClusterPki.readPrivateKey(own.resolve(ClusterPki.KEY)), ClusterPki.readCertificate(own.resolve(ClusterPki.CA_CERT)))
                .sslContext();
    }

    /** Trusts the stack's CA but presents no certificate: a caller without an identity. */
    SSLContext noCertificateTls() {
        return ClusterPki.trustOnlyContext(ca());
    }

    /** Presents a certificate naming {@code identity} issued by another CA (and trusts the stack's CA). */
    SSLContext foreignTls(String identity) {
        return ClusterPki.create("another CA").issue(identity, Duration.ofDays(1)).sslContextTrusting(ca());
    }

    X509Certificate ca() {
        return ClusterPki.readCertificate(dir.resolve("tls").resolve(ClusterPki.CA_CERT));
    }

    /** {@code name:password} of the gateway's bootstrap admin. */
    String adminCredential() {
        return read(StackCredentials.ADMIN_FILE);
    }

    /** The {@code Authorization} header of the gateway's admin. */
    String adminAuthorization() {
        String credential = adminCredential();
        int colon = credential.indexOf(':');
        return Http.basic(credential.substring(0, colon), credential.substring(colon + 1));
    }

    /** The embedded Redis's URL with its ACL user and password. */
    String redisUrl(int port) {
        return "redis://" + StackCredentials.REDIS_USER + ":" + redisPassword() + "@127.0.0.1:" + port;
    }

    String redisPassword() {
        return read("redis/password");
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file)).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
