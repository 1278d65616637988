package dev.pacer.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A small certificate authority for a Pacer cluster: a self-signed CA (EC P-256) that issues one
 * certificate per identity, its subject's common name being the identity ({@code scheduler},
 * {@code agent:agent-a}, {@code operator}, ...), valid for both TLS client and server use on
 * {@code localhost}/{@code 127.0.0.1} (plus any extra names). Files are PEM (keys as PKCS#8), as
 * Spring Boot's PEM SSL bundles read them; private keys are written with mode 0600.
 *
 * <p>Used by tests (certificates for services under test and for callers) and by the local-stack
 * launcher, which keeps its CA under {@code .pacer/tls/} across runs.
 */
public final class ClusterPki {

    public static final String CA_CERT = "ca.pem";
    public static final String CA_KEY = "ca.key";
    public static final String CERT = "cert.pem";
    public static final String KEY = "key.pem";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String SIGNATURE = "SHA256withECDSA";

    private final X509Certificate caCertificate;
    private final PrivateKey caKey;

    private ClusterPki(X509Certificate caCertificate, PrivateKey caKey) {
        this.caCertificate = caCertificate;
        this.caKey = caKey;
    }

    /** A new CA named {@code name}, valid for ten years. */
    public static ClusterPki create(String name) {
        try {
            KeyPair keys = newKeyPair();
            X500Name subject = subject(name);
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                    keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            return new ClusterPki(sign(builder, keys.getPrivate()), keys.getPrivate());
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create a CA", e);
        }
    }

    /** The CA kept in {@code dir} ({@link #CA_CERT}, {@link #CA_KEY}) by {@link #writeCa}. */
    public static ClusterPki load(Path dir) {
        return new ClusterPki(readCertificate(dir.resolve(CA_CERT)), readPrivateKey(dir.resolve(CA_KEY)));
    }

    public X509Certificate caCertificate() {
        return caCertificate;
    }

    /** Writes the CA's certificate and (0600) key into {@code dir}. */
    public void writeCa(Path dir) {
        writeFile(dir.resolve(CA_CERT), pem("CERTIFICATE", encoded(caCertificate)), false);
        writeFile(dir.resolve(CA_KEY), pem("PRIVATE KEY", caKey.getEncoded()), true);
    }

    /** A certificate for {@code identity}, valid for {@code validity}, for localhost and 127.0.0.1. */
    public Issued issue(String identity, Duration validity) {
        return issue(identity, validity, List.of());
    }

    /** As {@link #issue(String, Duration)}, also valid for {@code extraNames} (DNS names or IP addresses). */
    public Issued issue(String identity, Duration validity, List<String> extraNames) {
        try {
            KeyPair keys = newKeyPair();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(validity)), subject(identity),
                    keys.getPublic());
            JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(keys.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(caCertificate));
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(extraNames));
            return new Issued(identity, sign(builder, caKey), keys.getPrivate(), caCertificate);
        } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot issue a certificate for " + identity, e);
        }
    }

    /**
     * An identity's certificate and key, with the CA that issued it.
     *
     * @param identity    the subject's common name
     */
    public record Issued(String identity, X509Certificate certificate, PrivateKey key, X509Certificate ca) {

        /** Writes {@link #CERT}, {@link #KEY} (0600) and the CA's {@link #CA_CERT} into {@code dir}; returns {@code dir}. */
        public Path write(Path dir) {
            writeFile(dir.resolve(CERT), pem("CERTIFICATE", encoded(certificate)), false);
            writeFile(dir.resolve(KEY), pem("PRIVATE KEY", key.getEncoded()), true);
            writeFile(dir.resolve(CA_CERT), pem("CERTIFICATE", encoded(ca)), false);
            return dir;
        }

        /** The certificate and key as a (0600) PKCS#12 file for browsers and curl ({@code --cert-type P12}). */
        public void writePkcs12(Path file, char[] password) {
            try {
                KeyStore store = keyStore(password);
                Files.createDirectories(file.toAbsolutePath().getParent());
                createOwnerOnly(file);
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, password);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A TLS context that presents this certificate and trusts only the cluster's CA. */
        public SSLContext sslContext() {
            return sslContextTrusting(ca);
        }

        /** A TLS context that presents this certificate and trusts only {@code trusted} (e.g. another cluster's CA). */
        public SSLContext sslContextTrusting(X509Certificate trusted) {
            try {
                char[] password = "pki".toCharArray();
                KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(keyStore(password), password);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(keys.getKeyManagers(), trustOnly(trusted).getTrustManagers(), RANDOM);
                return context;
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private KeyStore keyStore(char[] password) throws GeneralSecurityException, IOException {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(identity.replace(':', '-'), key, password, new X509Certificate[] {certificate, ca});
            return store;
        }
    }

    /** A TLS context that presents no certificate and trusts only this CA (a caller without an identity). */
    public SSLContext trustOnlyContext() {
        return trustOnlyContext(caCertificate);
    }

    /** A TLS context that presents no certificate and trusts only {@code ca}. */
    public static SSLContext trustOnlyContext(X509Certificate ca) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustOnly(ca).getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the certificate in {@code file} is still valid {@code margin} from now. */
    public static boolean validFor(Path file, Duration margin) {
        return readCertificate(file).getNotAfter().toInstant().isAfter(Instant.now().plus(margin));
    }

    /** The common name of a certificate's subject (the identity it names); null when it has none. */
    public static String commonName(X509Certificate certificate) {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
            return null;
        } catch (InvalidNameException e) {
            return null;
        }
    }

    public static X509Certificate readCertificate(Path file) {
        try (var in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a certificate: " + file, e);
        }
    }

    /** A PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}), EC. */
    public static PrivateKey readPrivateKey(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.US_ASCII);
            String base64 = text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a PKCS#8 EC private key: " + file, e);
        }
    }

    private static TrustManagerFactory trustOnly(X509Certificate ca) throws GeneralSecurityException, IOException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        return factory;
    }

    private static GeneralNames alternativeNames(List<String> extra) {
        List<GeneralName> names = new ArrayList<>();
        names.add(new GeneralName(GeneralName.dNSName, "localhost"));
        names.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
        for (String name : extra) {
            names.add(isIpAddress(name) ? new GeneralName(GeneralName.iPAddress, name) : new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    private static boolean isIpAddress(String name) {
        if (!name.matches("[0-9.]+|.*:.*")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static X500Name subject(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).addRDN(BCStyle.O, "Pacer").build();
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void writeFile(Path file, String content, boolean ownerOnly) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (ownerOnly) {
                createOwnerOnly(file);
            }
            Files.writeString(file, content, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Creates {@code file} with mode 0600 (or sets that mode) before anything secret is written to it. */
    static void createOwnerOnly(Path file) throws IOException {
        var ownerOnly = PosixFilePermissions.fromString("rw-------");
        if (Files.notExists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.setPosixFilePermissions(file, ownerOnly);
    }
}
