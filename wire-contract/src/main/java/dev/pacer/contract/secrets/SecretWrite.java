package dev.pacer.contract.secrets;

/** Body of {@code PUT /api/secrets/{path}}: the new value. {@link #toString()} never shows it. */
public record SecretWrite(String value) {

    @Override
    public String toString() {
        return "SecretWrite[value=<redacted>]";
    }
}
