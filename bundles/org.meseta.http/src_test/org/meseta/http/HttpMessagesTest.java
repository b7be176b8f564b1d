package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class HttpMessagesTest {

    @Test
    void requestOfDecodesLikeTheServer() {
        HttpRequest request = HttpRequest.of("GET", "/files/read?path=%2Fvar%2Flog&offset=-1&path=x",
                HttpHeaders.of("accept", "application/json"), new byte[0]);
        assertEquals("/files/read", request.path());
        assertEquals(Optional.of("/var/log"), request.queryParameter("path"));
        assertEquals(Optional.empty(), request.queryParameter("length"));
        assertEquals(Optional.of("application/json"), request.header("Accept"));
        assertEquals("/files/read?path=/var/log&path=x&offset=-1", request.requestTarget());
        assertThrows(IllegalArgumentException.class,
                () -> HttpRequest.of("GET", "/%zz", HttpHeaders.empty(), new byte[0]));
    }

    @Test
    void requestQueryIsImmutable() {
        HttpRequest request = HttpRequest.of("GET", "/x?a=1", HttpHeaders.empty(), new byte[0]);
        assertThrows(UnsupportedOperationException.class, () -> request.query().put("b", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> request.query().get("a").add("2"));
    }

    @Test
    void responseFactories() {
        HttpResponse.FullResponse text = HttpResponse.text(400, "Missing 'framework_id'");
        assertEquals("text/plain; charset=utf-8", text.contentType());
        assertEquals("Missing 'framework_id'", new String(text.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", HttpResponse.json(new byte[] {'{', '}'}).contentType());
        assertEquals(202, HttpResponse.empty(202).status());
        assertEquals(Optional.of("//leader:5050"), HttpResponse.redirect(307, "//leader:5050").headers()
                .first("Location"));
        HttpResponse.StreamResponse stream = HttpResponse.stream(MediaTypes.APPLICATION_JSON, s -> { })
                .withHeader("Mesos-Stream-Id", "id");
        assertEquals(Optional.of("id"), stream.headers().first("mesos-stream-id"));
    }

    @Test
    void responseRejectsImpossibleMessages() {
        assertThrows(IllegalArgumentException.class, () -> HttpResponse.text(100, "continue"));
        assertThrows(IllegalArgumentException.class, () -> HttpResponse.text(600, "x"));
        assertThrows(IllegalArgumentException.class, () -> HttpResponse.redirect(200, "/x"));
        assertThrows(IllegalArgumentException.class, () -> HttpResponse.ok("text/plain", new byte[1]).withHeader(
                "Bad Name", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> new HttpResponse.FullResponse(204, null, new byte[1], HttpHeaders.empty()));
    }
}
