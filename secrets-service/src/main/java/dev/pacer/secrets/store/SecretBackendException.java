package dev.pacer.secrets.store;

/** The backend failed (unreachable, refused, corrupt data). The message names the operation, never a value. */
public class SecretBackendException extends RuntimeException {

    public SecretBackendException(String message) {
        super(message, null, false, false);
    }
}
