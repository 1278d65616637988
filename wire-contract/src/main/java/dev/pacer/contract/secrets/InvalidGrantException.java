package dev.pacer.contract.secrets;

/** A grant that is malformed, forged or tampered with. The message never contains the grant. */
public class InvalidGrantException extends RuntimeException {

    public InvalidGrantException(String message) {
        super(message, null, false, false);
    }
}
