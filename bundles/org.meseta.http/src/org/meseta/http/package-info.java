/**
 * The HTTP layer of the Meseta daemons: a Netty HTTP/1.1 server with routing, content negotiation, JSONP and
 * chunked streaming, and an asynchronous client for daemon-to-daemon calls.
 *
 * <pre>
 *   HttpTransport (event loops, one per process)
 *     ├─ HttpServer: per connection
 *     │    codec → aggregator → decoder → RequestHandler ──request──► HttpHandler (a Router)
 *     │                                     ▲ in request order            │ CompletionStage, any thread
 *     │                                     └──────── HttpResponse ◄──────┘
 *     └─ HttpClient: per request
 *          connect → write → FullResponse | StreamListener
 * </pre>
 *
 * <p>Threading: handlers run on event loops and must not block; they hand work to the owning actor and
 * complete the returned stage from there. {@link org.meseta.http.ResponseStream} methods may be called from
 * any thread. The package depends on Netty and the JDK only; the Mesos model lives in {@code org.meseta.api}.
 */
package org.meseta.http;
