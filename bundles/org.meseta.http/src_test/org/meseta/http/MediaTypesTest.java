package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MediaTypesTest {

    private static final String JSON = MediaTypes.APPLICATION_JSON;
    private static final String PROTOBUF = MediaTypes.APPLICATION_PROTOBUF;
    private static final List<String> JSON_THEN_PROTOBUF = List.of(JSON, PROTOBUF);

    /** Accept header (null for none) and the expected choice (null for 406). */
    private static final String[][] NEGOTIATION = {
        {null, JSON},
        {"", JSON},
        {"*/*", JSON},
        {"application/json, application/json", JSON},
        {"application/x-protobuf", PROTOBUF},
        {"APPLICATION/X-PROTOBUF", PROTOBUF},
        {"application/json;q=0, application/x-protobuf", PROTOBUF},
        {"application/json;q=0.5, application/x-protobuf;q=0.9", PROTOBUF},
        {"application/*", JSON},
        {"*/*;q=0.1, application/x-protobuf", PROTOBUF},
        {"application/x-protobuf;q=0, */*", JSON},
        {"application/json;q=0, application/*", PROTOBUF},
        {"application/json; charset=utf-8", JSON},
        {"text/html, application/xhtml+xml, */*;q=0.8", JSON},
        {"nonsense", JSON},
        {"text/html", null},
        {"text/*", null},
        {"application/json;q=0", null},
        {"*/*;q=0", null},
        {"application/json;q=0, application/x-protobuf;q=0", null},
    };

    @TestFactory
    Stream<DynamicTest> negotiatesTheResponseType() {
        return Tables.rows(NEGOTIATION, row -> assertEquals(Optional.ofNullable(row[1]),
                MediaTypes.negotiate(Optional.ofNullable(row[0]), JSON_THEN_PROTOBUF)));
    }

    @Test
    void offeredTypesMustBeMediaTypes() {
        assertThrows(IllegalArgumentException.class, () -> MediaTypes.negotiate(Optional.empty(), List.of("json")));
    }

    @TestFactory
    Stream<DynamicTest> requestTypeIsTheBareLowerCasedType() {
        return Tables.rows(new String[][] {
            {"application/json", JSON},
            {"application/json; charset=utf-8", JSON},
            {"  Application/X-Protobuf  ", PROTOBUF},
            {"application/recordio;foo=bar", MediaTypes.APPLICATION_RECORDIO},
        }, row -> assertEquals(Optional.of(row[1]), MediaTypes.requestType(Optional.of(row[0]))));
    }

    @Test
    void requestTypeIsEmptyWhenMissingOrBlank() {
        assertEquals(Optional.empty(), MediaTypes.requestType(Optional.empty()));
        assertEquals(Optional.empty(), MediaTypes.requestType(Optional.of("  ")));
        assertEquals(Optional.empty(), MediaTypes.requestType(Optional.of("; charset=utf-8")));
    }

    @Test
    void isTypeIgnoresParameters() {
        assertTrue(MediaTypes.isType("application/json; charset=utf-8", JSON));
        assertFalse(MediaTypes.isType("application/jsonp", JSON));
        assertFalse(MediaTypes.isType(null, JSON));
    }
}
