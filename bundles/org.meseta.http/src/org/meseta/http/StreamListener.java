package org.meseta.http;

/**
 * Receives a streamed HTTP response from {@link HttpClient#stream}.
 *
 * <p>Calls arrive in order on the connection's event loop and must not block: first {@link #onResponse},
 * then {@link #onChunk} for each piece of body, then either {@link #onEnd} or {@link #onFailure}. For a
 * chunked response each {@code onChunk} is exactly one HTTP chunk (up to the client's {@code maxBodyBytes};
 * larger chunks arrive in several pieces). An exception thrown by the listener fails the stream and closes
 * the connection.
 */
public interface StreamListener {

    /** The response head; called once, before any chunk. Non-2xx responses are delivered the same way. */
    void onResponse(int status, HttpHeaders headers);

    /** The bytes of one chunk (never empty); the array belongs to the listener. */
    void onChunk(byte[] chunk);

    /** The server ended the response normally. */
    default void onEnd() {
    }

    /**
     * The stream failed after {@link #onResponse} or before it (connect failure, timeout, connection lost,
     * cancellation). Not called after {@link #onEnd}.
     */
    default void onFailure(Throwable cause) {
    }
}
