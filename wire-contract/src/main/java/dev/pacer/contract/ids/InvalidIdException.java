package dev.pacer.contract.ids;

/** An id that breaks the id rules; its message is the one Marathon would report for the field. */
public class InvalidIdException extends IllegalArgumentException {

    public InvalidIdException(String message) {
        super(message);
    }
}
