package org.meseta.console.core.internal;

/** A stream record that cannot be read; the message says why, for the user. */
final class MalformedRecordException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedRecordException(String message) {
        super(message);
    }
}
