package dev.pacer.gateway.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/** Who a request comes from, once authenticated: a name and the groups authorization rules refer to. */
public record PacerPrincipal(String name, Set<String> groups) implements Principal {

    public PacerPrincipal {
        Objects.requireNonNull(name, "name");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    @Override
    public String getName() {
        return name;
    }
}
