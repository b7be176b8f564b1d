package org.meseta.api.recordio;

/**
 * A RecordIO stream is not well-formed: a bad length prefix or a record above the size limit. The
 * message is written for whoever sent the stream and names what was wrong.
 */
public final class RecordIOException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the user-facing description of the framing error */
    public RecordIOException(String message) {
        super(message);
    }
}
