package dev.pacer.testsupport.shape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A RAML 1.0 data type as far as a shape check needs it: which keys an object may and must carry, what an
 * array holds, which scalar (and enum) a value is, and unions. Named types are referenced lazily
 * ({@link Ref}), so recursive types ({@code GroupInfo.groups: GroupInfo[]}) load.
 */
public sealed interface RamlType {

    /** {@code string}, {@code number}, {@code integer}, {@code boolean}, {@code datetime}, {@code nil} or {@code any}. */
    record Scalar(String kind, List<String> enumValues) implements RamlType {
        static final Scalar ANY = new Scalar("any", List.of());
    }

    record ArrayType(RamlType items) implements RamlType {
    }

    /** A value valid for one of {@code members}. */
    record Union(String name, List<RamlType> members) implements RamlType {
    }

    /**
     * An object: its own properties plus those of its {@code parents} ({@code AppInfo: type: App}); keys matching
     * a pattern property ({@code /.*&#47;: SecretDef}) are allowed too. {@code open}: any other key is allowed
     * (an object declared without properties, or {@code additionalProperties: true}).
     */
    record ObjectType(String name, List<RamlType> parents, Map<String, Property> ownProperties,
                      List<PatternProperty> patterns, boolean open) implements RamlType {

        /** Every property, a parent's overridden by the child's. */
        public Map<String, Property> properties() {
            Map<String, Property> all = new LinkedHashMap<>();
            for (RamlType parent : parents) {
                if (RamlType.resolve(parent) instanceof ObjectType object) {
                    all.putAll(object.properties());
                }
            }
            all.putAll(ownProperties);
            return all;
        }

        /** This type's name and its ancestors' names, nearest first. */
        public List<String> lineage() {
            List<String> names = new ArrayList<>(List.of(name));
            for (RamlType parent : parents) {
                if (RamlType.resolve(parent) instanceof ObjectType object) {
                    names.addAll(object.lineage());
                }
            }
            return names;
        }

        public List<PatternProperty> allPatterns() {
            List<PatternProperty> all = new ArrayList<>(patterns);
            for (RamlType parent : parents) {
                if (RamlType.resolve(parent) instanceof ObjectType object) {
                    all.addAll(object.allPatterns());
                }
            }
            return all;
        }

        public boolean isOpen() {
            return open || parents.stream().map(RamlType::resolve)
                    .anyMatch(p -> p instanceof ObjectType o ? o.isOpen() : p instanceof Scalar s && s.kind().equals("any"));
        }
    }

    /**
     * @param required     no {@code ?} marker (or {@code required: true})
     * @param hasDefault   a {@code default} facet: Marathon's generated writers then always write the field
     * @param omitEmpty    {@code (pragma.omitEmpty)}: an empty collection is left out
     * @param forceOptional {@code (pragma.forceOptional)}: written only when set, default or not
     */
    record Property(String name, boolean required, boolean hasDefault, boolean omitEmpty, boolean forceOptional,
                    RamlType type) {

        /** Marathon writes this key whenever it writes the object (RAML-required, or a default it always writes). */
        public boolean alwaysWritten() {
            return required || (hasDefault && !omitEmpty && !forceOptional);
        }
    }

    record PatternProperty(Pattern pattern, RamlType type) {
    }

    /** A named type, looked up when first needed. */
    final class Ref implements RamlType {
        private final String name;
        private final Supplier<RamlType> lookup;
        private RamlType target;

        Ref(String name, Supplier<RamlType> lookup) {
            this.name = name;
            this.lookup = lookup;
        }

        public String name() {
            return name;
        }

        public synchronized RamlType target() {
            if (target == null) {
                target = lookup.get();
            }
            return target;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Follows references to the type they name. */
    static RamlType resolve(RamlType type) {
        RamlType current = type;
        for (int i = 0; current instanceof Ref ref; i++) {
            if (i > 50) {
                throw new IllegalStateException("type " + ref.name() + " refers to itself");
            }
            current = ref.target();
        }
        return current;
    }
}
