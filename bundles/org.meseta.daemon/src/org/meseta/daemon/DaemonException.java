package org.meseta.daemon;

/** A daemon could not start; the message is one line meant for the operator. */
public final class DaemonException extends Exception {

    private static final long serialVersionUID = 1L;

    public DaemonException(String message) {
        super(message);
    }

    public DaemonException(String message, Throwable cause) {
        super(message, cause);
    }
}
