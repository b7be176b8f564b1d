package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class JsonpTest {

    private static HttpRequest get(String target) {
        return HttpRequest.of("GET", target, HttpHeaders.empty(), new byte[0]);
    }

    private static String text(HttpResponse response) {
        return new String(((HttpResponse.FullResponse) response).body(), StandardCharsets.UTF_8);
    }

    @Test
    void wrapsJsonInTheCallback() {
        HttpResponse wrapped = Jsonp.apply(get("/state?jsonp=JSON_CALLBACK"),
                HttpResponse.json("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, wrapped.status());
        assertEquals(MediaTypes.TEXT_JAVASCRIPT, wrapped.contentType());
        assertEquals("/**/JSON_CALLBACK({\"id\":1});", text(wrapped));
        assertEquals("nosniff", wrapped.headers().first("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void escapesLineSeparatorsThatEndJavaScriptStrings() {
        HttpResponse wrapped = Jsonp.apply(get("/state?jsonp=cb"),
                HttpResponse.json("[\"a\u2028b\u2029c\"]".getBytes(StandardCharsets.UTF_8)));
        assertEquals("/**/cb([\"a\\u2028b\\u2029c\"]);", text(wrapped));
    }

    @Test
    void withoutParameterOrForNonJsonTheResponseIsUnchanged() {
        HttpResponse json = HttpResponse.json("{}".getBytes(StandardCharsets.UTF_8));
        assertSame(json, Jsonp.apply(get("/state"), json));
        HttpResponse error = HttpResponse.text(503, "No leader");
        assertSame(error, Jsonp.apply(get("/state?jsonp=cb"), error));
    }

    @TestFactory
    Stream<DynamicTest> acceptsIdentifiersAndDottedNames() {
        return Tables.values(new String[] {"cb", "JSON_CALLBACK", "angular.callbacks._0", "$jq_123", "a.b.c"},
                callback -> assertTrue(Jsonp.isValidCallback(callback)));
    }

    @TestFactory
    Stream<DynamicTest> rejectsAnythingElse() {
        return Tables.values(new String[] {"", "alert(1)//", "a b", "1abc", "a..b", "a.", "<script>", "cb;evil()",
            "a[0]", "x".repeat(257)}, callback -> assertFalse(Jsonp.isValidCallback(callback)));
    }

    @Test
    void wrappedEndpointRejectsBadCallbackWithoutCallingTheEndpoint() {
        AtomicInteger calls = new AtomicInteger();
        HttpHandler endpoint = Jsonp.wrap(request -> {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture(HttpResponse.json("{}".getBytes(StandardCharsets.UTF_8)));
        });
        HttpResponse rejected = endpoint.handle(get("/state?jsonp=alert(document.cookie)")).toCompletableFuture().join();
        assertEquals(400, rejected.status());
        assertTrue(text(rejected).startsWith("Invalid 'jsonp' callback"), text(rejected));
        assertEquals(0, calls.get());

        HttpResponse wrapped = endpoint.handle(get("/state?jsonp=cb")).toCompletableFuture().join();
        assertEquals("/**/cb({});", text(wrapped));
        assertEquals(1, calls.get());
    }
}
