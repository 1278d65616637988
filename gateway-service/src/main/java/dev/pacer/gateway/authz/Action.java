package dev.pacer.gateway.authz;

import java.util.Locale;

/** What a request does to the apps it names (Marathon's authorization actions, simplified). */
public enum Action {
    VIEW, CREATE, UPDATE, DELETE, KILL;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
