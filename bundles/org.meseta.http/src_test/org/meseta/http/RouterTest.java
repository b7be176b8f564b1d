package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static HttpHandler answering(String text) {
        return request -> CompletableFuture.completedFuture(HttpResponse.text(200, text));
    }

    private static HttpResponse.FullResponse call(Router router, String method, String target) {
        HttpRequest request = HttpRequest.of(method, target, HttpHeaders.empty(), new byte[0]);
        return (HttpResponse.FullResponse) router.handle(request).toCompletableFuture().join();
    }

    private static String body(HttpResponse.FullResponse response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private final Router router = Router.builder()
            .route("POST", answering("scheduler"), "/api/v1/scheduler", "/master/api/v1/scheduler")
            .route("GET", answering("state"), "/state", "/master/state")
            .route("GET", "/slave(1)/state", answering("agent state"))
            .route("GET", "/files/read", answering("read"))
            .route("POST", "/files/read", answering("read by post"))
            .routePrefix("GET", "/assets/", answering("asset"))
            .routePrefix("GET", "/assets/special/", answering("special asset"))
            .route("GET", "/assets/exact.js", answering("exact"))
            .build();

    @Test
    void routesEveryAliasToTheSameHandler() {
        assertEquals("scheduler", body(call(router, "POST", "/api/v1/scheduler")));
        assertEquals("scheduler", body(call(router, "POST", "/master/api/v1/scheduler")));
        assertEquals("state", body(call(router, "GET", "/master/state")));
    }

    @Test
    void unknownPathIs404() {
        HttpResponse.FullResponse response = call(router, "GET", "/nope");
        assertEquals(404, response.status());
        assertEquals(MediaTypes.TEXT_PLAIN_UTF8, response.contentType());
        assertEquals("No such endpoint: /nope", body(response));
    }

    @Test
    void otherMethodIs405WithAllow() {
        HttpResponse.FullResponse response = call(router, "GET", "/api/v1/scheduler");
        assertEquals(405, response.status());
        assertEquals(Optional.of("POST"), response.headers().first("Allow"));
        assertEquals(Optional.of("GET, POST"), call(router, "DELETE", "/files/read").headers().first("allow"));
        assertEquals(List.of("GET", "POST"), router.allowedMethods("/files/read"));
    }

    @Test
    void queryDoesNotAffectRouting() {
        assertEquals("read by post", body(call(router, "POST", "/files/read?path=/tmp&offset=0")));
    }

    @Test
    void agentPathMatchesLiteralAndPercentEncodedParentheses() {
        assertEquals("agent state", body(call(router, "GET", "/slave(1)/state")));
        assertEquals("agent state", body(call(router, "GET", "/slave%281%29/state")));
    }

    @Test
    void exactBeatsPrefixAndLongestPrefixWins() {
        assertEquals("exact", body(call(router, "GET", "/assets/exact.js")));
        assertEquals("asset", body(call(router, "GET", "/assets/css/app.css")));
        assertEquals("special asset", body(call(router, "GET", "/assets/special/x")));
        assertEquals(404, call(router, "GET", "/assets").status());
    }

    @Test
    void rejectsConflictingOrInvalidRoutes() {
        Router.Builder builder = Router.builder().route("GET", "/state", answering("a"));
        IllegalArgumentException duplicate =
                assertThrows(IllegalArgumentException.class, () -> builder.route("GET", "/state", answering("b")));
        assertTrue(duplicate.getMessage().contains("Duplicate route GET /state"), duplicate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.route("get", "/x", answering("b")));
        assertThrows(IllegalArgumentException.class, () -> builder.route("GET", "x", answering("b")));
        assertThrows(IllegalArgumentException.class, () -> builder.routePrefix("GET", "/x", answering("b")));
        assertThrows(IllegalArgumentException.class, () -> builder.route("GET", answering("b")));
    }
}
