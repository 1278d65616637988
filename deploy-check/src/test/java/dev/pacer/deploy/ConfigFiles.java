package dev.pacer.deploy;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The keys a module's {@code application*.yml|properties} and {@code pacer-defaults.properties} set, and the
 * names their placeholders read ({@code ${PORT:8081}}, {@code ${REDIS_URL:…}}, {@code ${eureka.instance.hostname:…}}).
 */
final class ConfigFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");

    private ConfigFiles() {
    }

    static List<ConfigKey> keys(Path module) {
        Path resources = module.resolve("src/main/resources");
        List<ConfigKey> keys = new ArrayList<>();
        if (!Files.isDirectory(resources)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(resources)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                boolean config = name.startsWith("application") || name.equals("pacer-defaults.properties");
                if (config && (name.endsWith(".yml") || name.endsWith(".yaml"))) {
                    yaml(file, keys);
                } else if (config && name.endsWith(".properties")) {
                    properties(file, keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    /** The default of placeholder {@code ${name:default}} in a module's configuration files, if any. */
    static String placeholderDefault(Path module, String name) {
        Pattern p = Pattern.compile("\\$\\{" + Pattern.quote(name) + ":([^}]*)}");
        try (Stream<Path> files = Files.list(module.resolve("src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("application")).sorted().toList()) {
                Matcher m = p.matcher(Repo.read(file));
                if (m.find()) {
                    return m.group(1);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static void yaml(Path file, List<ConfigKey> keys) {
        String source = file.getParent().getParent().getParent().getParent().getFileName() + "/" + file.getFileName();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Repo.read(file))) {
            if (doc instanceof Map<?, ?> map) {
                flatten("", (Map<String, Object>) map, keys, source);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, List<ConfigKey> keys, String source) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> child) {
                flatten(key, (Map<String, Object>) child, keys, source);
            } else {
                keys.add(new ConfigKey(key, v instanceof List<?>, source));
                placeholders(String.valueOf(v), keys, source);
            }
        });
    }

    private static void properties(Path file, List<ConfigKey> keys) {
        String source = file.getParent().getParent().getParent().getParent().getFileName() + "/" + file.getFileName();
        Properties props = new Properties();
        try {
            props.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.forEach((k, v) -> {
            keys.add(new ConfigKey(String.valueOf(k), false, source));
            placeholders(String.valueOf(v), keys, source);
        });
    }

    private static void placeholders(String value, List<ConfigKey> keys, String source) {
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            keys.add(new ConfigKey(m.group(1).trim(), false, source + " (placeholder)"));
        }
    }
}
