package org.meseta.api.json;

/**
 * A JSON document could not be turned into a protobuf message: malformed syntax, a value of the wrong
 * type or range for its field, nesting beyond the limit, or missing required fields.
 *
 * <p>The message is written for the API client that sent the document (it becomes the body of an
 * HTTP 400 response): it names the offending field by its path where there is one, and never contains
 * a stack trace or parser internals.
 */
public final class JsonCodecException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message the user-facing description of what is wrong with the document */
    public JsonCodecException(String message) {
        super(message);
    }
}
