package org.meseta.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.meseta.http.Tables;

class RequestTargetTest {

    @TestFactory
    Stream<DynamicTest> decodesPaths() {
        return Tables.rows(new String[][] {
            {"/master/state", "/master/state"},
            {"/slave(1)/state", "/slave(1)/state"},
            {"/slave%281%29/state", "/slave(1)/state"},
            {"/a+b", "/a+b"},
            {"/caf%C3%A9", "/caf\u00e9"},
            {"/caf\u00e9", "/caf\u00e9"},
            {"http://leader:5050/state?x=1", "/state"},
            {"HTTP://leader", "/"},
            {"http://leader?x=1", "/"},
            {"/files/read#fragment", "/files/read"},
        }, row -> assertEquals(row[1], RequestTarget.parse(row[0]).path()));
    }

    @TestFactory
    Stream<DynamicTest> rejectsMalformedTargets() {
        return Tables.rows(new String[][] {
            {"", "Empty request path"},
            {"?a=b", "Empty request path"},
            {"state", "Request path must start with '/'"},
            {"*", "Request path must start with '/'"},
            {"/%zz", "Malformed URL path"},
            {"/a%2", "Malformed URL path"},
            {"/a%", "Malformed URL path"},
            {"/%C3%28", "Malformed URL path"},
            {"/%FF", "Malformed URL path"},
            {"/a%00b", "Malformed URL path"},
            {"/%\u0661\u0662", "Malformed URL path"},
            {"/q?x=%zz", "Malformed query string"},
            {"/q?%E2%82=1", "Malformed query string"},
        }, row -> assertEquals(row[1], assertThrows(RequestTarget.MalformedTargetException.class,
                () -> RequestTarget.parse(row[0])).getMessage()));
    }

    @Test
    void decodesQueryParametersInOrder() {
        Map<String, List<String>> query =
                RequestTarget.parse("/files/read?path=%2Ftmp%2Fa+b&offset=-1&x&&path=2&jsonp=cb").query();
        assertEquals(List.of("path", "offset", "x", "jsonp"), List.copyOf(query.keySet()));
        assertEquals(List.of("/tmp/a b", "2"), query.get("path"));
        assertEquals(List.of("-1"), query.get("offset"));
        assertEquals(List.of(""), query.get("x"));
    }

    @Test
    void encodingRoundTrips() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("path", List.of("/var/log/a b&c=d+e"));
        query.put("\u00fc", List.of("?#%", ""));
        String path = "/slave(1)/files/caf\u00e9 100%?#";
        String target = RequestTarget.encode(path, query);
        assertEquals("/slave(1)/files/caf%C3%A9%20100%25%3F%23?path=/var/log/a%20b%26c%3Dd%2Be&%C3%BC=?%23%25&%C3%BC=",
                target);
        RequestTarget decoded = RequestTarget.parse(target);
        assertEquals(path, decoded.path());
        assertEquals(query, decoded.query());
    }
}
