package dev.pacer.gateway.security;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

/**
 * Who a request comes from, once authenticated: a name and the groups authorization rules refer to.
 * {@code admin} is true for the bootstrap admin only ({@code pacer.gateway.security.admin.*}), who may do
 * everything whatever the rules say: a user, token or JWT subject of the same name is not the admin.
 */
public record PacerPrincipal(String name, Set<String> groups, boolean admin) implements Principal {

    public PacerPrincipal {
        Objects.requireNonNull(name, "name");
        groups = groups == null ? Set.of() : Set.copyOf(groups);
    }

    public PacerPrincipal(String name, Set<String> groups) {
        this(name, groups, false);
    }

    /** The bootstrap admin. */
    public static PacerPrincipal admin(String name) {
        return new PacerPrincipal(name, Set.of(), true);
    }

    @Override
    public String getName() {
        return name;
    }
}
