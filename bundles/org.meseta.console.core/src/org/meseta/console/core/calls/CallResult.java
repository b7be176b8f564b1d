package org.meseta.console.core.calls;

import java.util.List;

/**
 * What became of a call: expected outcomes are values, never exceptions, so a view shows each of them inline.
 *
 * @param <T> what a successful call answers
 */
public sealed interface CallResult<T> {

    /** Whether the call did what it asked. */
    default boolean isSuccess() {
        return this instanceof Succeeded;
    }

    /** One line for a person: {@code done}, the server's status and text, why no answer came, or cancelled. */
    String describe();

    /**
     * The server did it.
     *
     * @param status its 2xx status (200, or 202 for a call it accepted to do)
     * @param value what it answered
     */
    record Succeeded<T>(int status, T value) implements CallResult<T> {
        @Override
        public String describe() {
            return "done";
        }
    }

    /**
     * The server answered with another status: it refused the call, or could not do it.
     *
     * @param status the HTTP status the server answered (Mesos's: 400 for an invalid call, 403, 404, 409, 503 ...)
     * @param message the server's text, as it wrote it (Mesos answers errors as plain text); empty when it sent
     *        none
     * @param fieldErrors the fields the refusal is about, for servers that name them (the agent's isolation
     *        settings); empty otherwise
     */
    record Refused<T>(int status, String message, List<FieldError> fieldErrors) implements CallResult<T> {
        public Refused {
            fieldErrors = List.copyOf(fieldErrors);
        }

        @Override
        public String describe() {
            return message.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + message;
        }
    }

    /**
     * No usable answer: not connected to a master, the server unreachable or too slow, or an answer that could not
     * be read. Whether the server did what was asked is unknown.
     *
     * @param reason a short phrase, such as {@code connection refused} or {@code no answer within 60 s}
     */
    record Failed<T>(String reason) implements CallResult<T> {
        @Override
        public String describe() {
            return reason;
        }
    }

    /** The caller cancelled the call before the answer came; the server may have done it all the same. */
    record Cancelled<T>() implements CallResult<T> {
        @Override
        public String describe() {
            return "cancelled";
        }
    }
}
