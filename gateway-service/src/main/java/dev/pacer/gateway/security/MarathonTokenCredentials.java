package dev.pacer.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** The not-yet-checked value of {@code Authorization: token=<value>} (Marathon's Java client, DC/OS). */
final class MarathonTokenCredentials extends AbstractAuthenticationToken {

    private final String token;

    MarathonTokenCredentials(String token) {
        super(List.of());
        this.token = token;
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return null;
    }
}
