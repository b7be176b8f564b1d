package org.meseta.console.core.internal;

/** Why a stream from the master ended; expected failures are values, not exceptions. */
sealed interface StreamEnd {

    /** A short phrase for the user, such as {@code connection refused}. */
    String reason();

    /** The master ended the stream (it stopped, or dropped the subscriber). */
    record Closed() implements StreamEnd {
        @Override
        public String reason() {
            return "the master closed the stream";
        }
    }

    /** No HTTP answer at all, or the connection broke: refused, timed out, unknown host, reset. */
    record Unreachable(String reason) implements StreamEnd {
    }

    /** An HTTP answer other than a stream: {@code status} and the master's message. */
    record Refused(int status, String reason) implements StreamEnd {
    }

    /** The stream held something that is not a record of its kind. */
    record Malformed(String reason) implements StreamEnd {
    }

    /** The client cancelled it. */
    record Cancelled() implements StreamEnd {
        @Override
        public String reason() {
            return "cancelled";
        }
    }
}
