package dev.pacer.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

class CredentialsTest {

    @Test
    void theThreeSchemes_areRead() {
        assertThat(CredentialsConverter.parse("Basic YTpiOmM=")).isInstanceOfSatisfying(UsernamePasswordAuthenticationToken.class,
                t -> assertThat(t.getName() + "|" + t.getCredentials()).isEqualTo("a|b:c"));
        assertThat(CredentialsConverter.parse("token=abc").getCredentials()).isEqualTo("abc");
        assertThat(CredentialsConverter.parse("Bearer x.y.z")).isInstanceOf(BearerTokenAuthenticationToken.class);
    }

    @Test
    void otherSchemesAndMalformedHeaders_areBadCredentials() {
        for (String header : new String[] {"Digest x", "Basic !!!", "Basic Zm9v", "token="}) {
            assertThatThrownBy(() -> CredentialsConverter.parse(header)).as(header).isInstanceOf(BadCredentialsException.class);
        }
    }

    @Test
    void onlyV2PathsGetTheirSlashesCollapsed() {
        assertThat(MarathonPathFirewall.collapse("/v2/apps//a///b")).isEqualTo("/v2/apps/a/b");
    }
}
