package dev.pacer.scheduler.definition;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.Container;
import dev.pacer.contract.marathon.app.Network;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Merges a partial update onto a stored app, field by field, by the request's JSON tree: a field the
 * body has (even as {@code null}, which resets it to its default) replaces the stored one; a field it
 * lacks keeps the stored value. {@code id}, {@code version} and {@code versionInfo} always stay.
 *
 * <p>Fields that stand for the same thing are kept consistent: {@code cmd} replaces the stored
 * {@code args} and vice versa; {@code ports} replace the stored {@code portDefinitions}; {@code uris}
 * replace {@code fetch}; {@code ipAddress} replaces {@code networks}. When the update changes
 * networking, stored port definitions are dropped if the app is no longer on host networking, and the
 * stored container's port mappings are dropped if it now is.
 */
final class PartialUpdate {

    private static final Set<String> SERVER_OWNED = Set.of("id", "version", "versionInfo");
    private static final RecordComponent[] COMPONENTS = AppDefinition.class.getRecordComponents();
    private static final Constructor<AppDefinition> CANONICAL = canonicalConstructor();

    private PartialUpdate() {
    }

    /** The merged app as sent (not yet normalised). */
    static AppDefinition merge(AppDefinition stored, AppDefinition request, JsonNode body) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            values[i] = read(COMPONENTS[i], body.has(name) && !SERVER_OWNED.contains(name) ? request : stored);
        }
        var merged = construct(values).toBuilder();
        if (given(body, "cmd") && !body.has("args")) {
            merged.args(null);
        }
        if (given(body, "args") && !body.has("cmd")) {
            merged.cmd(null);
        }
        if (given(body, "ports") && !body.has("portDefinitions")) {
            merged.portDefinitions(null);
        }
        if (given(body, "uris") && !body.has("fetch")) {
            merged.fetch(null);
        }
        boolean networkingChanged = body.has("networks") || given(body, "ipAddress")
                || given(body.path("container").path("docker"), "network");
        if (networkingChanged && !body.has("networks")) {
            merged.networks(null);
        }
        AppDefinition result = merged.build();
        if (!networkingChanged) {
            return result;
        }
        boolean host = NetworkNormalizer.networks(result).stream().allMatch(Network::isHost);
        if (!host && !body.has("portDefinitions") && !body.has("ports")) {
            result = result.toBuilder().portDefinitions(null).ports(null).build();
        }
        Container container = result.container();
        if (host && !body.has("container") && container != null) {
            result = result.toBuilder().container(new Container(container.type(), container.docker(),
                    container.volumes(), null, container.linuxInfo())).build();
        }
        return result;
    }

    private static boolean given(JsonNode node, String field) {
        return node.has(field) && !node.get(field).isNull();
    }

    private static Object read(RecordComponent component, AppDefinition app) {
        try {
            return component.getAccessor().invoke(app);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }

    private static AppDefinition construct(Object[] values) {
        try {
            return CANONICAL.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot build the merged app", e);
        }
    }

    private static Constructor<AppDefinition> canonicalConstructor() {
        Class<?>[] types = Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return AppDefinition.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
