package dev.pacer.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An authenticated request: its {@link PacerPrincipal} and how it proved who it is. */
final class PacerAuthentication extends AbstractAuthenticationToken {

    private final PacerPrincipal principal;
    private final String scheme;

    PacerAuthentication(PacerPrincipal principal, String scheme) {
        super(List.of());
        this.principal = principal;
        this.scheme = scheme;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public PacerPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.name();
    }

    String scheme() {
        return scheme;
    }
}
