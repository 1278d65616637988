package dev.pacer.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one bench as given, each {@code --name=value}, each name checked
 * against the names the bench knows, values converted on request with a message naming the option.
 * Every problem is an {@link IllegalArgumentException}, which the command line answers with the usage.
 */
final class BenchArgs {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private BenchArgs() {
    }

    static BenchArgs parse(String[] args, Set<String> known) {
        BenchArgs parsed = new BenchArgs();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("unexpected argument " + arg + " (options are --name=value)");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option " + arg);
            }
            if (eq < 0) {
                throw new IllegalArgumentException(arg + " needs a value (" + arg + "=...)");
            }
            parsed.values.computeIfAbsent(name, n -> new ArrayList<>()).add(arg.substring(eq + 1));
        }
        return parsed;
    }

    /** The options of a bench that starts {@link BenchStack}: its own ({@code own}) and the stack's. */
    static BenchArgs parseWithStack(String[] args, String... own) {
        Set<String> known = new HashSet<>(BenchOptions.STACK_KEYS);
        known.addAll(List.of(own));
        return parse(args, known);
    }

    /** The stack's options among those given ({@code alsoStack}: more of them that go to {@link BenchOptions}). */
    BenchOptions stackOptions(String... alsoStack) {
        Set<String> keys = new HashSet<>(BenchOptions.STACK_KEYS);
        keys.addAll(List.of(alsoStack));
        return BenchOptions.parse(only(keys));
    }

    /** The last value given for {@code name}, else {@code fallback}. */
    String text(String name, String fallback) {
        List<String> given = values.get(name);
        return given == null ? fallback : given.get(given.size() - 1);
    }

    /** Every value given for a repeatable option, in order. */
    List<String> all(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    /** A whole number of at least {@code min}. */
    int integer(String name, int fallback, int min) {
        String value = text(name, null);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " needs a whole number of at least " + min + ", got '" + value + "'");
    }

    /** The options among {@code names} as they were given, for a parser that takes them as strings. */
    private String[] only(Set<String> names) {
        List<String> args = new ArrayList<>();
        values.forEach((name, given) -> {
            if (names.contains(name)) {
                given.forEach(v -> args.add("--" + name + "=" + v));
            }
        });
        return args.toArray(String[]::new);
    }
}
