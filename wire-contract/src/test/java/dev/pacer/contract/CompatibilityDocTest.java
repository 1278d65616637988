package dev.pacer.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pacer.contract.marathon.app.AppDefinition;
import dev.pacer.contract.marathon.app.EnvValue;
import dev.pacer.contract.marathon.app.ResourceLimits;
import dev.pacer.contract.marathon.app.Timestamp;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * COMPATIBILITY.md (repository root) keeps up with the code: every field of Pacer's model of a Marathon app,
 * nested objects included, and every Marathon path of {@link ApiPaths} is named in it (in backticks), so a
 * field or endpoint added without saying whether it is supported, ignored or rejected fails the build.
 */
class CompatibilityDocTest {

    /** Records whose components are not JSON keys (they are read from and written as scalars). */
    private static final Set<Class<?>> SCALAR_RECORDS = Set.of(Timestamp.class, EnvValue.class, ResourceLimits.Limit.class);

    private static final String DOC = read(Path.of("..", "COMPATIBILITY.md"));
    /** The doc's code spans, paired from the left as Markdown pairs them. */
    private static final List<String> SPANS = spans(DOC);

    @Test
    void everyAppField_nestedOnesIncluded_isNamed() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : modelRecords(AppDefinition.class)) {
            for (RecordComponent component : type.getRecordComponents()) {
                if (!named(SPANS, component.getName())) {
                    missing.add(type.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(missing).as("app fields COMPATIBILITY.md does not name").isEmpty();
    }

    @Test
    void everyMarathonPath_isNamed() throws IllegalAccessException {
        List<String> missing = new ArrayList<>();
        for (Field field : ApiPaths.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String path = (String) field.get(null);
                boolean marathon = path.startsWith(ApiPaths.V2 + "/") || path.equals(ApiPaths.PING) || path.equals(ApiPaths.METRICS);
                if (marathon && !DOC.contains("`" + path) && !DOC.contains(" " + path)) {
                    missing.add(field.getName() + " " + path);
                }
            }
        }
        assertThat(missing).as("Marathon paths COMPATIBILITY.md does not name").isEmpty();
    }

    @Test
    void aWordCounts_onlyInsideACodeSpan() {
        List<String> spans = spans("| `fetch` | ➖ | `uri`, `destPath`: stored; the docker image is not pulled | `{\"secret\": name}` |");
        assertThat(spans).containsExactly("fetch", "uri", "destPath", "{\"secret\": name}");
        assertThat(named(spans, "destPath")).isTrue();
        assertThat(named(spans, "secret")).isTrue();
        assertThat(named(spans, "image")).isFalse();
        assertThat(named(spans, "dest")).isFalse();
    }

    /** The name as a word inside a backticked span: {@code `fetch`}, {@code `docker.image`}, {@code `{"secret": name}`}. */
    private static boolean named(List<String> spans, String name) {
        Pattern word = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
        return spans.stream().anyMatch(span -> word.matcher(span).find());
    }

    /** The code spans of {@code text}, paired from the left as Markdown pairs them. */
    private static List<String> spans(String text) {
        return Pattern.compile("`([^`\\n]+)`").matcher(text).results().map(m -> m.group(1)).toList();
    }

    /** {@code root} and every record of its package reachable through its components (lists and maps too). */
    private static Set<Class<?>> modelRecords(Class<?> root) {
        Set<Class<?>> found = new LinkedHashSet<>();
        collect(root, root.getPackageName(), found);
        return found;
    }

    private static void collect(Type type, String pkg, Set<Class<?>> found) {
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                collect(argument, pkg, found);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && c.getPackageName().equals(pkg)
                && !SCALAR_RECORDS.contains(c) && found.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                collect(component.getGenericType(), pkg, found);
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new IllegalStateException("COMPATIBILITY.md is missing at " + path.toAbsolutePath().normalize(), e);
        }
    }
}
