package dev.pacer.contract.ids;

import java.util.regex.Pattern;

/** A node agent's id: stable across the agent's restarts, unique in the cluster. */
public record AgentId(String value) {

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    public AgentId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new InvalidIdException("agent id must match " + VALID.pattern());
        }
    }

    public static AgentId parse(String value) {
        return new AgentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
