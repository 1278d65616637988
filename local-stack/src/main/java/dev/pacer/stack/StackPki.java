package dev.pacer.stack;

import dev.pacer.runtime.ClusterPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * The local stack's certificate authority and one certificate per process, kept in
 * {@code <stack dir>/tls/} and reused across runs: {@code ca.pem}, {@code ca.key} (0600), and a directory
 * per identity holding {@code cert.pem}, {@code key.pem} (0600) and {@code ca.pem}. The {@code operator}
 * directory also holds {@code operator.p12} (browsers, curl {@code --cert-type P12}) and its password.
 * A certificate is issued again when it is missing, expires within a week, or was not issued by the CA
 * found beside it (an operator who replaced {@code ca.pem}/{@code ca.key} gets new certificates).
 */
final class StackPki {

    static final String OPERATOR = "operator";
    static final String PROMETHEUS = "prometheus";
    static final String P12 = "operator.p12";
    static final String P12_PASSWORD = "operator.p12.password";
    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(7);

    private final Path dir;
    private final boolean created;

    private StackPki(Path dir, boolean created) {
        this.dir = dir;
        this.created = created;
    }

    /**
     * Creates or reuses the CA and a certificate for each identity.
     *
     * @param identities directory name (a process name, {@code operator}, ...) to the identity its certificate names
     */
    static StackPki prepare(Path dir, Map<String, String> identities) {
        return prepare(dir, "Pacer local stack CA", identities, Map.of());
    }

    /**
     * As {@link #prepare(Path, Map)}, with a CA named {@code caName} when one is created, and certificates also
     * valid for the host names {@code names} gives a directory (besides localhost and 127.0.0.1): the names other
     * containers reach that process by. A certificate that lacks one of them is issued again.
     */
    static StackPki prepare(Path dir, String caName, Map<String, String> identities, Map<String, List<String>> names) {
        try {
            OwnerOnly.directory(dir);
            boolean created = Files.notExists(dir.resolve(ClusterPki.CA_CERT)) || Files.notExists(dir.resolve(ClusterPki.CA_KEY));
            ClusterPki ca;
            if (created) {
                ca = ClusterPki.create(caName);
                ca.writeCa(dir);
            } else {
                ca = ClusterPki.load(dir);
            }
            for (Map.Entry<String, String> identity : identities.entrySet()) {
                Path own = OwnerOnly.directory(dir.resolve(identity.getKey()));
                List<String> hostNames = names.getOrDefault(identity.getKey(), List.of());
                if (!current(own, ca.caCertificate(), identity.getValue(), hostNames)) {
                    ClusterPki.Issued issued = ca.issue(identity.getValue(), VALIDITY, hostNames);
                    issued.write(own);
                    if (identity.getKey().equals(OPERATOR)) {
                        String password = OwnerOnly.randomPassword(12);
                        OwnerOnly.write(own.resolve(P12_PASSWORD), password + "\n");
                        issued.writePkcs12(own.resolve(P12), password.toCharArray());
                    }
                }
            }
            return new StackPki(dir, created);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the stack's certificates in " + dir, e);
        }
    }

    /** Whether this run created the CA (the first run from this directory). */
    boolean created() {
        return created;
    }

    Path dir() {
        return dir;
    }

    Path ca() {
        return dir.resolve(ClusterPki.CA_CERT);
    }

    /** The directory of an identity's certificate ({@code cert.pem}, {@code key.pem}, {@code ca.pem}). */
    Path of(String name) {
        return dir.resolve(name);
    }

    /** The properties that give a service its certificate ({@code pacer.tls.*}). */
    List<String> properties(String name) {
        return List.of(
                "pacer.tls.ca=" + ca(),
                "pacer.tls.certificate=" + of(name).resolve(ClusterPki.CERT),
                "pacer.tls.private-key=" + of(name).resolve(ClusterPki.KEY));
    }

    /** A TLS context that presents the operator's certificate (for the launcher's own calls and for tests). */
    SSLContext operatorContext() {
        return new ClusterPki.Issued(OPERATOR, ClusterPki.readCertificate(of(OPERATOR).resolve(ClusterPki.CERT)),
                ClusterPki.readPrivateKey(of(OPERATOR).resolve(ClusterPki.KEY)),
                ClusterPki.readCertificate(ca())).sslContext();
    }

    private static boolean current(Path own, X509Certificate ca, String identity, List<String> hostNames) {
        Path cert = own.resolve(ClusterPki.CERT);
        if (Files.notExists(cert) || Files.notExists(own.resolve(ClusterPki.KEY))) {
            return false;
        }
        try {
            X509Certificate existing = ClusterPki.readCertificate(cert);
            existing.verify(ca.getPublicKey());
            return ClusterPki.validFor(cert, RENEW_BEFORE) && identity.equals(ClusterPki.commonName(existing))
                    && alternativeNames(existing).containsAll(hostNames);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> alternativeNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names == null ? Set.of()
                : names.stream().map(name -> String.valueOf(name.get(1))).collect(Collectors.toSet());
    }
}
