package dev.pacer.scheduler.app.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Marathon's label selector for {@code GET /v2/apps?label=} (reference §3.9): comma-separated terms,
 * all of which must hold — {@code key}, {@code key==value}, {@code key!=value}, {@code key in (a, b)},
 * {@code key notin (a, b)}. Term characters are {@code [-A-Za-z0-9_.]}; anything else is escaped
 * with a backslash. A malformed selector is an {@link IllegalArgumentException} (422 in the API).
 */
public final class LabelSelector implements Predicate<Map<String, String>> {

    private final List<Predicate<Map<String, String>>> terms;

    private LabelSelector(List<Predicate<Map<String, String>>> terms) {
        this.terms = terms;
    }

    /** An empty (or blank) selector has no terms and matches every app, as Marathon's {@code repsep} parser reads it. */
    public static LabelSelector parse(String selector) {
        List<Predicate<Map<String, String>>> terms = new ArrayList<>();
        if (selector.isBlank()) {
            return new LabelSelector(terms);
        }
        for (String term : splitTopLevel(selector)) {
            terms.add(term(term.trim(), selector));
        }
        return new LabelSelector(terms);
    }

    @Override
    public boolean test(Map<String, String> labels) {
        Map<String, String> l = labels == null ? Map.of() : labels;
        return terms.stream().allMatch(t -> t.test(l));
    }

    private static Predicate<Map<String, String>> term(String term, String whole) {
        String[] eq = splitOperator(term, "==");
        if (eq != null) {
            String key = word(eq[0], whole);
            String value = word(eq[1], whole);
            return l -> value.equals(l.get(key));
        }
        String[] ne = splitOperator(term, "!=");
        if (ne != null) {
            String key = word(ne[0], whole);
            String value = word(ne[1], whole);
            return l -> l.containsKey(key) && !value.equals(l.get(key));
        }
        Matcher set = Pattern.compile("^(.+?)\\s+(in|notin)\\s*\\((.*)\\)$").matcher(term);
        if (set.matches()) {
            String key = word(set.group(1), whole);
            Set<String> values = new HashSet<>();
            for (String v : set.group(3).split(",")) {
                values.add(word(v, whole));
            }
            return set.group(2).equals("in")
                    ? l -> values.contains(l.get(key))
                    : l -> l.containsKey(key) && !values.contains(l.get(key));
        }
        String key = word(term, whole);
        return l -> l.containsKey(key);
    }

    private static String[] splitOperator(String term, String operator) {
        int at = indexUnescaped(term, operator);
        return at < 0 ? null : new String[] {term.substring(0, at), term.substring(at + operator.length())};
    }

    private static String word(String raw, String whole) {
        String trimmed = raw.trim();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '\\' && i + 1 < trimmed.length()) {
                out.append(trimmed.charAt(++i));
            } else if (Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' || c == '.') {
                out.append(c);
            } else {
                throw new IllegalArgumentException("Can not parse label selector " + whole);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("Can not parse label selector " + whole);
        }
        return out.toString();
    }

    private static int indexUnescaped(String s, String needle) {
        for (int i = 0; i + needle.length() <= s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Splits on commas that are neither escaped nor inside parentheses. */
    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                current.append(c).append(s.charAt(++i));
                continue;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
