package dev.pacer.scheduler.placement.constraint;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The regular expressions of {@code LIKE}/{@code UNLIKE} constraints, with Marathon's full-match
 * semantics, on RE2/J: matching takes time linear in the value whatever the pattern (the JDK's
 * backtracking engine spends exponential time on {@code (.|.|.)*z} and would stall a reconcile worker
 * on every agent of every placement). RE2 syntax is the JDK's without backreferences and lookaround;
 * a pattern using them is "not a valid regular expression" at submit time.
 *
 * <p>RE2/J unrolls counted repetition when it compiles, so {@code (a{1000}){1000}} would be a program of
 * a million steps: a pattern longer than {@link #MAX_LENGTH} or whose repetitions expand to more than
 * {@link #MAX_EXPANSION} steps is refused too.
 */
final class ConstraintPatterns {

    public static final int MAX_LENGTH = 1000;
    public static final int MAX_EXPANSION = 10_000;

    private ConstraintPatterns() {
    }

    /** Why {@code regex} cannot be a constraint pattern; empty when it can. */
    public static Optional<String> problem(String regex) {
        if (regex.length() > MAX_LENGTH) {
            return Optional.of(ConstraintMessages.INVALID_REGEX + " (longer than " + MAX_LENGTH + " characters)");
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            return Optional.of(ConstraintMessages.INVALID_REGEX);
        }
        if (expansion(regex) > MAX_EXPANSION) {
            return Optional.of(ConstraintMessages.INVALID_REGEX + " (its repetitions expand to more than "
                    + MAX_EXPANSION + " steps)");
        }
        return Optional.empty();
    }

    /**
     * The compiled pattern (matched in full: {@code matcher(value).matches()}), or empty for a pattern
     * that {@link #problem} refuses — one stored before these rules, say: it then matches nothing.
     */
    public static Optional<Pattern> compile(String regex) {
        return regex == null || problem(regex).isPresent() ? Optional.empty() : Optional.of(Pattern.compile(regex));
    }

    /**
     * An upper bound of the steps {@code regex} compiles to: every atom counts one, a group the sum of
     * its parts, and a counted repetition {@code {n}}, {@code {n,}}, {@code {n,m}} multiplies what it
     * repeats by its largest count. Called on syntactically valid patterns only.
     */
    static long expansion(String regex) {
        Deque<long[]> groups = new ArrayDeque<>();
        long[] current = {0, 0}; // {size so far, size of the last atom}
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            switch (c) {
                case '\\' -> {
                    i = skipEscape(regex, i);
                    current = atom(current, 1);
                    continue;
                }
                case '[' -> {
                    i = skipClass(regex, i);
                    current = atom(current, 1);
                    continue;
                }
                case '(' -> {
                    groups.push(current);
                    current = new long[] {0, 0};
                }
                case ')' -> {
                    long size = current[0];
                    current = atom(groups.isEmpty() ? new long[] {0, 0} : groups.pop(), size);
                }
                case '{' -> {
                    int end = regex.indexOf('}', i);
                    long count = end < 0 ? 1 : largestCount(regex.substring(i + 1, end));
                    if (count > 0) {
                        current[0] = saturated(current[0] + current[1] * (count - 1));
                        current[1] = saturated(current[1] * count);
                        i = end + 1;
                        continue;
                    }
                    current = atom(current, 1);
                }
                case '*', '+', '?', '|', '^', '$' -> current[0] = saturated(current[0] + 1);
                default -> current = atom(current, 1);
            }
            i++;
        }
        while (!groups.isEmpty()) {
            current = atom(groups.pop(), current[0]);
        }
        return current[0];
    }

    private static long[] atom(long[] into, long size) {
        into[0] = saturated(into[0] + size);
        into[1] = size;
        return into;
    }

    /** The largest count of a repetition's body ({@code 3}, {@code 3,}, {@code 3,5}); 0 when it is not one. */
    private static long largestCount(String body) {
        String[] parts = body.split(",", -1);
        try {
            long low = Long.parseLong(parts[0].trim());
            if (parts.length == 1) {
                return low;
            }
            return parts[1].isBlank() ? low + 1 : Math.max(low, Long.parseLong(parts[1].trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int skipEscape(String regex, int i) {
        int next = i + 2;
        if (i + 1 < regex.length() && (regex.charAt(i + 1) == 'p' || regex.charAt(i + 1) == 'P' || regex.charAt(i + 1) == 'x')
                && next < regex.length() && regex.charAt(next) == '{') {
            int end = regex.indexOf('}', next);
            return end < 0 ? regex.length() : end + 1;
        }
        return Math.min(next, regex.length());
    }

    private static int skipClass(String regex, int i) {
        int j = i + 1;
        if (j < regex.length() && regex.charAt(j) == '^') {
            j++;
        }
        if (j < regex.length() && regex.charAt(j) == ']') {
            j++;
        }
        while (j < regex.length() && regex.charAt(j) != ']') {
            if (regex.charAt(j) == '\\') {
                j++;
            } else if (regex.charAt(j) == '[' && j + 1 < regex.length() && regex.charAt(j + 1) == ':') {
                int end = regex.indexOf(":]", j + 2);
                j = end < 0 ? j : end + 1;
            }
            j++;
        }
        return Math.min(j + 1, regex.length());
    }

    private static long saturated(long value) {
        return value < 0 || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value;
    }
}
