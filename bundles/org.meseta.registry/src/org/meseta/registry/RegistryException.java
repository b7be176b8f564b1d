package org.meseta.registry;

/** The registry cannot be read or written; the message is one line for the operator. */
public class RegistryException extends Exception {

    private static final long serialVersionUID = 1L;

    public RegistryException(String message) {
        super(message);
    }

    public RegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
