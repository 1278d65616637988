package dev.pacer.secrets.store;

/** A secret's value at one version. {@link #toString()} never shows the value. */
public record SecretValue(int version, String value) {

    @Override
    public String toString() {
        return "SecretValue[version=" + version + ", value=<redacted>]";
    }
}
