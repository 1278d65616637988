package dev.pacer.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Spring Boot's and Spring Cloud's own properties ({@code server.port}, {@code management.server.port},
 * {@code eureka.instance.hostname}, ...), from the {@code META-INF/spring-configuration-metadata.json} of the
 * starters on this module's test classpath (the ones the services use; see pom.xml). Maps are open.
 */
final class SpringMetadata {

    private static final String[] FILES = {
        "META-INF/spring-configuration-metadata.json", "META-INF/additional-spring-configuration-metadata.json"};

    private SpringMetadata() {
    }

    static List<ConfigKey> keys() {
        List<ConfigKey> keys = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        ClassLoader loader = SpringMetadata.class.getClassLoader();
        try {
            for (String file : FILES) {
                for (URL url : Collections.list(loader.getResources(file))) {
                    if (url.getPath().contains("/dev/pacer/") || url.getPath().contains("/target/")) {
                        continue; // Pacer's own come from the sources, per service
                    }
                    try (InputStream in = url.openStream()) {
                        JsonNode properties = json.readTree(in).path("properties");
                        for (JsonNode p : properties) {
                            String type = p.path("type").asString("");
                            boolean open = type.startsWith("java.util.Map") || type.startsWith("java.util.List");
                            keys.add(new ConfigKey(p.path("name").asString(), open, jarName(url)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("no Spring configuration metadata on the classpath");
        }
        return keys;
    }

    private static String jarName(URL url) {
        String path = url.getPath();
        int bang = path.indexOf("!/");
        String jar = bang < 0 ? path : path.substring(0, bang);
        return jar.substring(jar.lastIndexOf('/') + 1);
    }
}
