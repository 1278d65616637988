package dev.pacer.testsupport.shape;

import dev.pacer.testsupport.shape.RamlType.ArrayType;
import dev.pacer.testsupport.shape.RamlType.ObjectType;
import dev.pacer.testsupport.shape.RamlType.PatternProperty;
import dev.pacer.testsupport.shape.RamlType.Property;
import dev.pacer.testsupport.shape.RamlType.Ref;
import dev.pacer.testsupport.shape.RamlType.Scalar;
import dev.pacer.testsupport.shape.RamlType.Union;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Loads RAML 1.0 type libraries ({@code types/*.raml}: {@code uses:} aliases and {@code types:}) into
 * {@link RamlType}s: properties with the optional {@code ?} marker or {@code required}, pattern properties
 * ({@code /.*&#47;}), inheritance ({@code type: App} plus properties), unions ({@code A | B}), arrays
 * ({@code X[]}, {@code type: array} + {@code items}), enums and {@code additionalProperties}. Everything else
 * (facets such as {@code minimum}, {@code pattern}, annotations other than Marathon's {@code pragma.omitEmpty}
 * and {@code pragma.forceOptional}) is ignored: a shape check asks which keys, not which values.
 *
 * <p>Types are named {@code library.Type} (the file name without {@code .raml}: {@code task.Task}) or by the
 * bare name when only one library declares it ({@code Task}).
 */
public final class RamlTypes {

    /** The system property naming Marathon's schema directory (its {@code raml/v2/types} holds the types). */
    public static final String SCHEMA_DIR_PROPERTY = "pacer.marathon-schema.dir";

    private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean", "datetime", "nil", "any",
            "date-only", "time-only", "datetime-only", "file");

    private final Map<String, Map<String, RamlType>> libraries = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> uses = new HashMap<>();

    private RamlTypes() {
    }

    /**
     * Marathon's types from the directory in {@value #SCHEMA_DIR_PROPERTY} (set by the root pom to
     * {@code ../shared/reference/marathon-schema}); fails with a message saying what is missing.
     */
    public static RamlTypes marathon() {
        String dir = System.getProperty(SCHEMA_DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            throw new IllegalStateException("System property " + SCHEMA_DIR_PROPERTY + " is not set: it names Marathon's"
                    + " schema directory (the root pom sets it to ../shared/reference/marathon-schema)");
        }
        Path types = Path.of(dir).resolve("raml/v2/types");
        if (!Files.isDirectory(types)) {
            throw new IllegalStateException("Marathon's RAML types are missing: no directory " + types.toAbsolutePath().normalize()
                    + " (" + SCHEMA_DIR_PROPERTY + "=" + dir + "); the shape tests need Marathon's schema checked out beside"
                    + " the repository as ../shared/reference/marathon-schema");
        }
        return load(types);
    }

    /** Every {@code *.raml} library of {@code typesDir}. */
    public static RamlTypes load(Path typesDir) {
        RamlTypes types = new RamlTypes();
        try (Stream<Path> files = Files.list(typesDir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".raml")).sorted().toList()) {
                types.addLibrary(libraryName(file), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return types;
    }

    /**
     * Adds a library of one's own (wrappers such as {@code {"app": AppInfo}}, or what Marathon's code does and its
     * RAML does not say); its {@code uses:} may name the loaded libraries by file name ({@code app: app.raml}).
     */
    public RamlTypes withLibrary(String name, String ramlText) {
        addLibrary(name, ramlText);
        return this;
    }

    /** The type named {@code library.Type} or {@code Type}; fails for an unknown or ambiguous name. */
    public RamlType type(String name) {
        RamlType type = find(name);
        if (type == null) {
            throw new IllegalArgumentException("no RAML type " + name);
        }
        return type;
    }

    /** Every type's qualified name ({@code library.Type}). */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        libraries.forEach((library, types) -> types.keySet().forEach(t -> names.add(library + "." + t)));
        return names;
    }

    private RamlType find(String name) {
        int dot = name.indexOf('.');
        if (dot > 0 && libraries.containsKey(name.substring(0, dot))) {
            return libraries.get(name.substring(0, dot)).get(name.substring(dot + 1));
        }
        List<RamlType> found = libraries.values().stream().map(t -> t.get(name)).filter(t -> t != null).toList();
        if (found.size() > 1) {
            throw new IllegalArgumentException("RAML type " + name + " is declared in several libraries: qualify it");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String libraryName(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".raml".length());
    }

    @SuppressWarnings("unchecked")
    private void addLibrary(String library, String text) {
        Object parsed = new Yaml(new LoaderOptions()).load(text);
        Map<String, Object> root = parsed instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, String> aliases = new HashMap<>();
        if (root.get("uses") instanceof Map<?, ?> used) {
            used.forEach((alias, file) -> aliases.put(String.valueOf(alias), libraryName(Path.of(String.valueOf(file)))));
        }
        uses.put(library, aliases);
        Map<String, RamlType> types = new LinkedHashMap<>();
        libraries.put(library, types);
        if (root.get("types") instanceof Map<?, ?> declared) {
            declared.forEach((name, declaration) -> types.put(String.valueOf(name), declaration(library, String.valueOf(name), declaration)));
        }
    }

    /** A type declaration: a type expression ({@code Task[]}, {@code A | B}) or a map of facets. */
    @SuppressWarnings("unchecked")
    private RamlType declaration(String library, String name, Object declaration) {
        if (declaration == null) {
            return Scalar.ANY;
        }
        if (!(declaration instanceof Map<?, ?> map)) {
            return expression(library, String.valueOf(declaration));
        }
        Map<String, Object> facets = (Map<String, Object>) map;
        Object type = facets.get("type");
        if (type instanceof Map<?, ?> || type instanceof List<?>) {
            throw new IllegalArgumentException(library + "." + name + ": inline or multiple inheritance is not supported");
        }
        String typeName = type == null ? null : String.valueOf(type).trim();
        if (facets.containsKey("properties") || "object".equals(typeName) || facets.containsKey("additionalProperties")) {
            return object(library, name, typeName, facets);
        }
        if ("array".equals(typeName) || (typeName == null && facets.containsKey("items"))) {
            return new ArrayType(declaration(library, name + "[]", facets.get("items")));
        }
        if (facets.get("enum") instanceof List<?> values && (typeName == null || SCALARS.contains(typeName))) {
            return new Scalar(typeName == null ? "string" : typeName, values.stream().map(String::valueOf).toList());
        }
        return typeName == null ? Scalar.ANY : expression(library, typeName);
    }

    @SuppressWarnings("unchecked")
    private ObjectType object(String library, String name, String typeName, Map<String, Object> facets) {
        List<RamlType> parents = typeName == null || typeName.equals("object") ? List.of() : List.of(expression(library, typeName));
        Map<String, Property> properties = new LinkedHashMap<>();
        List<PatternProperty> patterns = new ArrayList<>();
        if (facets.get("properties") instanceof Map<?, ?> declared) {
            declared.forEach((key, value) -> {
                String property = String.valueOf(key);
                if (property.startsWith("(")) {
                    return; // an annotation
                }
                Map<String, Object> propertyFacets = value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
                RamlType type = declaration(library, name + "." + property.replace("?", ""), value);
                if (property.length() > 1 && property.startsWith("/") && property.endsWith("/")) {
                    patterns.add(new PatternProperty(Pattern.compile(property.substring(1, property.length() - 1)), type));
                    return;
                }
                boolean optional = property.endsWith("?");
                String bare = optional ? property.substring(0, property.length() - 1) : property;
                boolean required = propertyFacets.get("required") instanceof Boolean explicit ? explicit : !optional;
                properties.put(bare, new Property(bare, required, propertyFacets.containsKey("default"),
                        propertyFacets.containsKey("(pragma.omitEmpty)"), propertyFacets.containsKey("(pragma.forceOptional)"), type));
            });
        }
        boolean open = facets.get("additionalProperties") instanceof Boolean additional
                ? additional
                : parents.isEmpty() && properties.isEmpty() && patterns.isEmpty();
        return new ObjectType(name, parents, properties, patterns, open);
    }

    /** {@code string}, {@code Task}, {@code task.Task}, {@code Task[]}, {@code A | B}, {@code (A | B)}. */
    private RamlType expression(String library, String expression) {
        String e = expression.trim();
        if (e.startsWith("(") && closingParenthesis(e) == e.length() - 1) {
            return expression(library, e.substring(1, e.length() - 1));
        }
        List<String> members = splitUnion(e);
        if (members.size() > 1) {
            return new Union(e, members.stream().map(m -> expression(library, m)).toList());
        }
        if (e.endsWith("[]")) {
            return new ArrayType(expression(library, e.substring(0, e.length() - 2)));
        }
        if (e.equals("object")) {
            return new ObjectType("object", List.of(), Map.of(), List.of(), true);
        }
        if (e.equals("array")) {
            return new ArrayType(Scalar.ANY);
        }
        if (SCALARS.contains(e)) {
            return new Scalar(e, List.of());
        }
        return new Ref(e, () -> lookup(library, e));
    }

    private RamlType lookup(String library, String reference) {
        int dot = reference.indexOf('.');
        String target = library;
        String name = reference;
        if (dot > 0) {
            target = uses.getOrDefault(library, Map.of()).get(reference.substring(0, dot));
            name = reference.substring(dot + 1);
            if (target == null) {
                throw new IllegalArgumentException(library + ": unknown library alias in " + reference);
            }
        }
        RamlType type = libraries.getOrDefault(target, Map.of()).get(name);
        if (type == null) {
            throw new IllegalArgumentException(library + ": no type " + name + " in library " + target);
        }
        return type;
    }

    private static int closingParenthesis(String e) {
        int depth = 0;
        for (int i = 0; i < e.length(); i++) {
            depth += e.charAt(i) == '(' ? 1 : e.charAt(i) == ')' ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitUnion(String e) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == '|' && depth == 0) {
                parts.add(e.substring(start, i).trim());
                start = i + 1;
            }
        }
        parts.add(e.substring(start).trim());
        return parts;
    }
}
