package dev.pacer.contract.secrets;

import java.util.regex.Pattern;

/**
 * Secret paths: {@code /prod/db/password}. Absolute, segments of {@code [A-Za-z0-9._-]} not starting with
 * {@code _} or {@code .} (segments starting with {@code _} name the API's own resources, such as
 * {@code /api/secrets/_versions/...}), at most 256 characters.
 */
public final class SecretPaths {

    public static final int MAX_LENGTH = 256;
    public static final String RULE = "must be an absolute path of segments [A-Za-z0-9._-] (not starting with '_' or '.'), "
            + "at most " + MAX_LENGTH + " characters";
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9-][A-Za-z0-9._-]*)+");

    private SecretPaths() {
    }

    public static boolean isValid(String path) {
        return path != null && path.length() <= MAX_LENGTH && PATH.matcher(path).matches();
    }

    /** Throws {@link IllegalArgumentException} with {@link #RULE} when {@code path} is not valid. */
    public static String check(String path) {
        if (!isValid(path)) {
            throw new IllegalArgumentException("secret path " + RULE);
        }
        return path;
    }

    /** Whether {@code path} is {@code prefix} or below it, segment-wise ({@code /pay} does not cover {@code /payments}). */
    public static boolean under(String path, String prefix) {
        if ("/".equals(prefix)) {
            return true;
        }
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return path.equals(p) || path.startsWith(p + "/");
    }
}
