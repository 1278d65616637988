package dev.pacer.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * docker-compose.yml's environment against the services, as for the Kubernetes manifests: every variable a Pacer
 * container (image {@code pacer/<service>:…}) is given is a name that service reads ({@link ServiceConfigKeys}), so a
 * renamed property fails here instead of being ignored by a running stack.
 */
class ComposeEnvironmentTest {

    private static final Pattern IMAGE = Pattern.compile("pacer/([a-z]+):.*");

    @Test
    @SuppressWarnings("unchecked")
    void everyEnvironmentVariable_ofAPacerContainer_isOneItsServiceReads() {
        ServiceConfigKeys keys = ServiceConfigKeys.of(Repo.root());
        Map<String, Object> compose = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Repo.read(Repo.root().resolve("docker-compose.yml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        List<String> checked = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        services.forEach((name, service) -> {
            Matcher image = IMAGE.matcher(String.valueOf(service.get("image")));
            if (!image.matches() || !keys.isService(image.group(1))) {
                return; // Redis, Prometheus, Grafana, Vault
            }
            for (String variable : names(service.get("environment"))) {
                checked.add(name + "." + variable);
                if (!keys.has(image.group(1), variable)) {
                    unknown.add(name + ": " + ServiceConfigKeys.explain(image.group(1), variable));
                }
            }
        });
        assertThat(checked).as("variables of Pacer containers in docker-compose.yml").isNotEmpty();
        assertThat(unknown).isEmpty();
    }

    /** Compose's environment: a map, or a list of NAME=value (or NAME alone). */
    private static List<String> names(Object environment) {
        if (environment instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        if (environment instanceof List<?> list) {
            return list.stream().map(e -> String.valueOf(e).split("=", 2)[0]).toList();
        }
        return List.of();
    }
}
