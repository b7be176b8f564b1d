package org.meseta.http;

import java.util.concurrent.CompletionStage;

/**
 * Answers HTTP requests.
 *
 * <p>Contract: {@link #handle} is called on a Netty event loop and must not block; it hands work to the
 * owning actor and returns a stage, which may be completed on any thread. The server sends responses on a
 * connection in request order. A handler that throws, returns {@code null}, or completes the stage
 * exceptionally produces a {@code 500 Internal server error} (the cause is logged, never sent to the client).
 */
@FunctionalInterface
public interface HttpHandler {

    CompletionStage<HttpResponse> handle(HttpRequest request);
}
