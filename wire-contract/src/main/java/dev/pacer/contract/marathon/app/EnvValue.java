package dev.pacer.contract.marathon.app;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * One value of an app's {@code env}: a plain string, or a reference {@code {"secret": "<name>"}} to an
 * entry of the app's {@code secrets}. Exactly one of the two components is set.
 */
public record EnvValue(String value, String secret) {

    public EnvValue {
        if ((value == null) == (secret == null)) {
            throw new IllegalArgumentException("an env value is either a string or a secret reference");
        }
    }

    public static EnvValue of(String value) {
        return new EnvValue(value, null);
    }

    public static EnvValue secretRef(String secretName) {
        return new EnvValue(null, secretName);
    }

    public boolean isSecret() {
        return secret != null;
    }

    /** Reads the JSON form: a string, or an object with a string {@code secret}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EnvValue fromJson(Object json) {
        if (json instanceof String text) {
            return of(text);
        }
        if (json instanceof Map<?, ?> object && object.get("secret") instanceof String name) {
            return secretRef(name);
        }
        throw new IllegalArgumentException("expected a string or an object {\"secret\": \"<secret name>\"}");
    }

    @JsonValue
    Object toJson() {
        return secret == null ? value : Map.of("secret", secret);
    }
}
