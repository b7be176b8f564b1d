package org.meseta.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.meseta.http.HttpRequest;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

/** The decoding half of the server pipeline (codec → aggregator → decoder) on an {@link EmbeddedChannel}. */
class RequestDecodingTest {

    private final EmbeddedChannel channel = new EmbeddedChannel(
            new HttpRequestDecoder(new HttpDecoderConfig().setStrictLineParsing(true)),
            new RequestAggregator(16), new InboundRequestDecoder());

    @AfterEach
    void finish() {
        channel.finishAndReleaseAll();
    }

    private InboundRequest decode(String wire) {
        channel.writeInbound(Unpooled.copiedBuffer(wire, StandardCharsets.ISO_8859_1));
        InboundRequest decoded = channel.readInbound();
        assertNull(channel.readInbound(), "one message expected");
        return decoded;
    }

    private static String text(InboundRequest.Rejected rejected) {
        return new String(rejected.response().body(), StandardCharsets.UTF_8);
    }

    @Test
    void wellFormedRequestIsDecoded() {
        InboundRequest.Accepted accepted = assertInstanceOf(InboundRequest.Accepted.class, decode(
                "POST /slave%281%29/api/v1?a=1&a=2 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\n\r\n{}"));
        HttpRequest request = accepted.request();
        assertEquals("POST", request.method());
        assertEquals("/slave(1)/api/v1", request.path());
        assertEquals(List.of("1", "2"), request.query().get("a"));
        assertEquals("application/json", request.contentType().orElseThrow());
        assertEquals("{}", new String(request.body(), StandardCharsets.UTF_8));
        assertTrue(accepted.keepAlive());
        assertFalse(accepted.http10());
    }

    @Test
    void http10IsFlagged() {
        InboundRequest.Accepted accepted =
                assertInstanceOf(InboundRequest.Accepted.class, decode("GET /health HTTP/1.0\r\n\r\n"));
        assertTrue(accepted.http10());
        assertFalse(accepted.keepAlive());
    }

    @Test
    void undecodablePathIsRejectedButKeepsTheConnection() {
        InboundRequest.Rejected rejected =
                assertInstanceOf(InboundRequest.Rejected.class, decode("GET /%E2%82 HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertEquals(400, rejected.response().status());
        assertEquals("Malformed URL path", text(rejected));
        assertTrue(rejected.keepAlive());
    }

    @Test
    void unparsableRequestIsRejectedAndClosesTheConnection() {
        InboundRequest.Rejected rejected =
                assertInstanceOf(InboundRequest.Rejected.class, decode("GET /x HTTP/1.1\nHost: x\n\n"));
        assertEquals(400, rejected.response().status());
        assertTrue(text(rejected).startsWith("Malformed HTTP request: "), text(rejected));
        assertFalse(rejected.keepAlive());
    }

    @Test
    void oversizedBodyIsRejectedInBandAndTheRestDiscarded() {
        InboundRequest.Rejected rejected = assertInstanceOf(InboundRequest.Rejected.class,
                decode("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n" + "z".repeat(17)));
        assertEquals(413, rejected.response().status());
        assertEquals("Request body exceeds the limit of 16 bytes", text(rejected));
        assertTrue(rejected.keepAlive());
        assertInstanceOf(InboundRequest.Accepted.class, decode("GET /next HTTP/1.1\r\nHost: x\r\n\r\n"));
        assertNull(channel.readOutbound(), "nothing is written by the protocol layer itself");
    }

    @Test
    void oversizedExpectContinueIsRejectedWithoutContinue() {
        InboundRequest.Rejected rejected = assertInstanceOf(InboundRequest.Rejected.class,
                decode("POST /x HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\nExpect: 100-continue\r\n\r\n"));
        assertEquals(413, rejected.response().status());
        assertFalse(rejected.keepAlive());
        assertNull(channel.readOutbound(), "no 100 Continue");
    }
}
