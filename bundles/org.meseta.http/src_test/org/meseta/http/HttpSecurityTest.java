package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile and malformed input at the HTTP layer (the class of bugs behind Mesos CVE-2017-7687, CVE-2017-9790 and
 * CVE-2018-1330, and Netty's request-smuggling fixes). Nothing may crash the server: each case gets a 4xx or a
 * closed connection, and the server keeps serving other connections.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpSecurityTest extends ServerTestSupport {

    private static final int MAX_BODY = 4096;

    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = start(pingAndEcho(), HttpServerOptions.defaults().withMaxBodyBytes(MAX_BODY));
    }

    private RawConnection.Response exchange(String request) throws IOException {
        try (RawConnection connection = RawConnection.open(server.address())) {
            return connection.send(request).readResponse();
        }
    }

    /** Sends {@code request}, expects {@code status} with {@code reason}, then the server closing the connection. */
    private void assertRejectedAndClosed(String request, int status, String reasonStart) throws Exception {
        try (RawConnection connection = RawConnection.open(server.address())) {
            RawConnection.Response response = connection.send(request).readResponse();
            assertEquals(status, response.status(), response.bodyText());
            assertEquals("text/plain; charset=utf-8", response.header("Content-Type"));
            assertTrue(response.bodyText().startsWith(reasonStart), response.bodyText());
            assertEquals("close", response.header("Connection"));
            assertTrue(connection.awaitClosedByServer(), "connection should be closed");
        }
        assertServes(server);
    }

    @TestFactory
    Stream<DynamicTest> malformedPathEncodingIs400AndTheConnectionStaysUsable() {
        return Tables.values(new String[] {"/%zz", "/a%2", "/state%", "/%C3%28", "/slave%FF/state", "/a%00"}, path -> {
            try (RawConnection connection = RawConnection.open(server.address())) {
                RawConnection.Response response = connection.send("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                        .readResponse();
                assertEquals(400, response.status());
                assertEquals("Malformed URL path", response.bodyText());
                connection.send("GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals("pong", connection.readResponse().bodyText());
            }
        });
    }

    @Test
    void malformedQueryEncodingIs400() throws Exception {
        RawConnection.Response response = exchange("GET /echo?path=%G0 HTTP/1.1\r\nHost: x\r\n\r\n");
        assertEquals(400, response.status());
        assertEquals("Malformed query string", response.bodyText());
    }

    @Test
    void emptyPathIs400() throws Exception {
        assertRejectedAndClosed("GET  HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed HTTP request");
    }

    @Test
    void pathWithoutLeadingSlashIs400() throws Exception {
        assertEquals("Request path must start with '/'", exchange("GET state HTTP/1.1\r\nHost: x\r\n\r\n").bodyText());
        assertEquals("Empty request path", exchange("GET ?jsonp=x HTTP/1.1\r\nHost: x\r\n\r\n").bodyText());
    }

    @Test
    void chunkedRequestWithTrailersIsServed() throws Exception {
        RawConnection.Response response = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n6\r\n world\r\n0\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n");
        assertEquals(200, response.status());
        assertEquals("POST /echo {} hello world", response.bodyText());
        assertServes(server);
    }

    @Test
    void lfOnlyChunkLinesAreRejected() throws Exception {
        assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\nhello\n0\n\n", 400, "Malformed HTTP request");
    }

    @Test
    void lfOnlyHeaderLinesAreRejected() throws Exception {
        assertRejectedAndClosed("GET /ping HTTP/1.1\nHost: x\n\n", 400, "Malformed HTTP request");
    }

    @Test
    void chunkedFollowedByAnotherCodingIsRejected() throws Exception {
        assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, identity\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n", 400, "Malformed HTTP request");
    }

    @Test
    void transferEncodingWithContentLengthIsRejected() throws Exception {
        assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\nGET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Malformed HTTP request");
    }

    @Test
    void conflictingContentLengthsAreRejected() throws Exception {
        assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 8\r\n\r\n"
                + "abcdefgh", 400, "Malformed HTTP request");
    }

    @Test
    void oversizedChunkSizeIsRejected() throws Exception {
        assertRejectedAndClosed("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "fffffffffffffffff\r\nabc\r\n0\r\n\r\n", 400, "Malformed HTTP request");
    }

    @Test
    void overlyLongHeadersAre431() throws Exception {
        assertRejectedAndClosed("GET /ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n", 431,
                "Request header fields are too large");
    }

    @Test
    void overlyLongRequestLineIs414() throws Exception {
        assertRejectedAndClosed("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                "Request line is too long");
    }

    @Test
    void chunkedBodyOverTheLimitIs413AndTheConnectionIsKept() throws Exception {
        String chunk = Integer.toHexString(3000) + "\r\n" + "x".repeat(3000) + "\r\n";
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + chunk + chunk + chunk + "0\r\n\r\n"
                    + "GET /ping HTTP/1.1\r\nHost: x\r\n\r\n");
            RawConnection.Response response = connection.readResponse();
            assertEquals(413, response.status());
            assertEquals("Request body exceeds the limit of " + MAX_BODY + " bytes", response.bodyText());
            assertEquals("pong", connection.readResponse().bodyText());
        }
    }

    @Test
    void declaredBodyOverTheLimitIs413() throws Exception {
        RawConnection.Response response = exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"
                + "y".repeat(5000));
        assertEquals(413, response.status());
        assertServes(server);
    }

    @Test
    void garbageIsRejected() throws Exception {
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send(new byte[] {0, 1, 2, 3, (byte) 0xff, '\r', '\n', '\r', '\n'});
            assertEquals(400, connection.readResponse().status());
            assertTrue(connection.awaitClosedByServer());
        }
        assertServes(server);
    }

    @Test
    void deepPipelineIsAnsweredInOrderOrCutOff() throws Exception {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            requests.append("GET /echo?i=").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        int answered = 0;
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send(requests.toString());
            try {
                for (; answered < 2000; answered++) {
                    assertEquals("GET /echo {i=[" + answered + "]} ", connection.readResponse().bodyText());
                }
            } catch (IOException e) {
                // The server may cut an abusive pipeline off; what it did answer must be in order.
            }
        }
        assertTrue(answered >= 1, "at least the first pipelined request is answered");
        assertServes(server);
    }

    @Test
    void moderatePipelineIsAnsweredCompletely() throws Exception {
        StringBuilder requests = new StringBuilder();
        for (int i = 0; i < 32; i++) {
            requests.append("GET /echo?i=").append(i).append(" HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        try (RawConnection connection = RawConnection.open(server.address())) {
            connection.send(requests.toString());
            for (int i = 0; i < 32; i++) {
                assertEquals("GET /echo {i=[" + i + "]} ", connection.readResponse().bodyText());
            }
        }
    }
}
