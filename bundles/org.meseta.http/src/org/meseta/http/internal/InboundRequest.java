package org.meseta.http.internal;

import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/**
 * What the codec part of the pipeline hands to {@link RequestHandler}: a request to dispatch, or a request
 * that was answered already by the protocol layer (malformed, too large). Both take their turn in the
 * connection's response order.
 */
sealed interface InboundRequest {

    /** Whether the connection may carry further requests after this one. */
    boolean keepAlive();

    /**
     * A well-formed request for the application handler.
     *
     * @param http10 an HTTP/1.0 client, which cannot receive chunked encoding
     */
    record Accepted(HttpRequest request, boolean keepAlive, boolean http10) implements InboundRequest {
    }

    /** A request answered with {@code response} without reaching the application handler. */
    record Rejected(HttpResponse.FullResponse response, boolean keepAlive) implements InboundRequest {
    }
}
