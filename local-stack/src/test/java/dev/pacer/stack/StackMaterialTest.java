package dev.pacer.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pacer.runtime.ClusterPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** What the launcher generates once and reuses: the CA and certificates, the admin credential, Redis's password. */
class StackMaterialTest {

    private static final Map<String, String> IDENTITIES = Map.of("scheduler-service", "scheduler", "agent-a", "agent:agent-a",
            StackPki.OPERATOR, "operator");

    @TempDir
    Path dir;

    @Test
    void theCaAndCertificates_areCreatedOnce_ownerOnly_andReusedOnTheNextRun() throws IOException {
        StackPki first = StackPki.prepare(dir.resolve("tls"), IDENTITIES);
        assertThat(first.created()).isTrue();
        assertThat(mode(dir.resolve("tls"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("tls/ca.key"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("tls/agent-a/key.pem"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("tls/operator/operator.p12"))).isEqualTo("rw-------");
        X509Certificate agent = ClusterPki.readCertificate(dir.resolve("tls/agent-a/cert.pem"));
        assertThat(ClusterPki.commonName(agent)).isEqualTo("agent:agent-a");
        assertThat(first.properties("agent-a")).containsExactly(
                "pacer.tls.ca=" + dir.resolve("tls/ca.pem"),
                "pacer.tls.certificate=" + dir.resolve("tls/agent-a/cert.pem"),
                "pacer.tls.private-key=" + dir.resolve("tls/agent-a/key.pem"));

        StackPki second = StackPki.prepare(dir.resolve("tls"), IDENTITIES);
        assertThat(second.created()).isFalse();
        assertThat(ClusterPki.readCertificate(dir.resolve("tls/agent-a/cert.pem"))).isEqualTo(agent);
    }

    @Test
    void certificatesOfAnotherCa_areIssuedAgain() {
        StackPki.prepare(dir.resolve("tls"), IDENTITIES);
        X509Certificate before = ClusterPki.readCertificate(dir.resolve("tls/scheduler-service/cert.pem"));
        ClusterPki.create("an operator's own CA").writeCa(dir.resolve("tls"));

        StackPki.prepare(dir.resolve("tls"), IDENTITIES);

        X509Certificate after = ClusterPki.readCertificate(dir.resolve("tls/scheduler-service/cert.pem"));
        assertThat(after).isNotEqualTo(before);
        assertThat(after.getIssuerX500Principal().getName()).contains("an operator's own CA");
    }

    @Test
    void theAdminCredential_isGeneratedOnce_ownerOnly_andHandedToTheGatewayEncodedOnly() throws IOException {
        StackCredentials.Admin first = StackCredentials.admin(dir);
        assertThat(first.created()).isTrue();
        assertThat(first.name()).isEqualTo("admin");
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(Files.readString(dir.resolve("admin-credential"))).isEqualTo("admin:" + first.password() + "\n");
        assertThat(mode(dir.resolve("admin-credential"))).isEqualTo("rw-------");
        String encoded = first.encoded();
        assertThat(encoded).startsWith("{bcrypt}").doesNotContain(first.password());
        assertThat(PasswordEncoderFactories.createDelegatingPasswordEncoder().matches(first.password(), encoded)).isTrue();

        StackCredentials.Admin second = StackCredentials.admin(dir);
        assertThat(second.created()).isFalse();
        assertThat(second.password()).isEqualTo(first.password());
    }

    @Test
    void aBrokenCredentialFile_isReported() throws IOException {
        Files.writeString(dir.resolve("admin-credential"), "no-colon\n");
        assertThatThrownBy(() -> StackCredentials.admin(dir)).hasMessageContaining("name:password");
    }

    @Test
    void redis_getsAnAclUser_whosePasswordIsKeptAcrossRuns() throws IOException {
        StackCredentials.Redis first = StackCredentials.redis(dir);
        assertThat(Files.readString(first.config())).contains("user default off",
                "user pacer on >" + first.password() + " ~* &* +@all");
        assertThat(mode(first.config())).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("redis/password"))).isEqualTo("rw-------");
        assertThat(first.url(6379)).isEqualTo("redis://pacer:" + first.password() + "@127.0.0.1:6379");
        assertThat(first.dataDir()).isEqualTo(dir.resolve("redis/data"));
        assertThat(StackCredentials.redis(dir).password()).isEqualTo(first.password());
    }

    @Test
    void theCredential_isPrintedOnTheFirstRunOnly_laterRunsSayWhereItIs() {
        StackCredentials.Admin first = StackCredentials.admin(dir);
        assertThat(String.join("\n", StackSummary.credentialLines(first, "localhost:8080", false)))
                .contains("curl -u admin:" + first.password() + " localhost:8080/v2/info", "shown this once");
        StackCredentials.Admin later = StackCredentials.admin(dir);
        assertThat(String.join("\n", StackSummary.credentialLines(later, "localhost:8080", false)))
                .doesNotContain(later.password()).contains("$(cat " + dir.resolve("admin-credential"));
    }

    @Test
    void insecureDev_turnsGatewayAuthenticationOff_withALoudWarning() {
        StackCredentials.Admin admin = StackCredentials.admin(dir);
        assertThat(StackProcesses.gatewaySecurity(admin, false)).hasSize(2).noneMatch(l -> l.contains("enabled"))
                .anyMatch(l -> l.startsWith("pacer.gateway.security.admin.password={bcrypt}"));
        assertThat(StackProcesses.gatewaySecurity(admin, true)).contains("pacer.gateway.security.enabled=false");
        assertThat(StackSummary.credentialLines(admin, "localhost:8080", true)).contains(StackSummary.INSECURE_WARNING)
                .noneMatch(l -> l.contains(admin.password()));
        assertThat(StackSummary.INSECURE_WARNING).contains("WITHOUT AUTHENTICATION");
    }

    @Test
    void options_publicAndInsecureDev() {
        String home = "--home=" + Path.of("..").toAbsolutePath().normalize();
        StackOptions defaults = StackOptions.parse(new String[] {home});
        assertThat(defaults.publicGateway()).isFalse();
        assertThat(defaults.insecureDev()).isFalse();
        assertThat(defaults.stackDir()).isEqualTo(defaults.home().resolve(".pacer"));
        StackOptions both = StackOptions.parse(new String[] {home, "--public", "--insecure-dev"});
        assertThat(both.publicGateway()).isTrue();
        assertThat(both.insecureDev()).isTrue();
        assertThat(StackOptions.Ports.from(100).probe(102)).isEqualTo(110);
        assertThat(StackOptions.Ports.from(100).gatewayManagement()).isEqualTo(115);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
