package dev.pacer.contract.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretPolicyTest {

    @Test
    void default_allowsOnlyTheAppsTopLevelGroup() {
        SecretPolicy policy = SecretPolicy.sameTopLevelGroup();
        assertThat(policy.allows("/payments/api", "/payments/db/password")).isTrue();
        assertThat(policy.allows("/payments/api", "/paymentsx/db")).isFalse();
        assertThat(policy.allows("/payments/api", "/prod/db")).isFalse();
        assertThat(policy.allows("/web", "/web/key")).isTrue();
    }

    @Test
    void rules_matchSegmentWisePrefixes() {
        SecretPolicy policy = SecretPolicy.of(List.of(
                new SecretPolicy.Rule("/payments", List.of("/payments", "/shared/tls")),
                new SecretPolicy.Rule("/", List.of("/public"))));
        assertThat(policy.allows("/payments/api", "/payments/db")).isTrue();
        assertThat(policy.allows("/payments/api", "/shared/tls/cert")).isTrue();
        assertThat(policy.allows("/payments/api", "/shared/other")).isFalse();
        assertThat(policy.allows("/web", "/payments/db")).isFalse();
        assertThat(policy.allows("/web", "/public/x")).isTrue();
        assertThat(policy.allows("/paymentsx", "/payments/db")).isFalse();
    }

    @Test
    void paths_areValidated() {
        assertThat(SecretPaths.isValid("/prod/db/password")).isTrue();
        assertThat(SecretPaths.isValid("prod/db")).isFalse();
        assertThat(SecretPaths.isValid("/prod/../db")).isFalse();
        assertThat(SecretPaths.isValid("/_versions/x")).isFalse();
        assertThat(SecretPaths.isValid("/a//b")).isFalse();
        assertThat(SecretPaths.isValid("/a/b/")).isFalse();
    }
}
