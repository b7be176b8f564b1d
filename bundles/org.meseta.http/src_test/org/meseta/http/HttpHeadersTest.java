package org.meseta.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HttpHeadersTest {

    @Test
    void lookupIgnoresCaseAndKeepsOrder() {
        HttpHeaders headers = HttpHeaders.of("Accept", "a", "accept", "b", "Mesos-Stream-Id", "x");
        assertEquals(Optional.of("a"), headers.first("ACCEPT"));
        assertEquals(List.of("a", "b"), headers.all("accept"));
        assertEquals(Set.of("accept", "mesos-stream-id"), headers.names());
        assertTrue(headers.contains("mesos-stream-id"));
        assertEquals(3, headers.size());
    }

    @Test
    void copiesAreIndependent() {
        HttpHeaders original = HttpHeaders.of("A", "1");
        HttpHeaders more = original.with("a", "2");
        assertEquals(List.of("1"), original.all("a"));
        assertEquals(List.of("1", "2"), more.all("a"));
        assertEquals(List.of("3"), more.withReplaced("A", "3").all("a"));
        assertTrue(more.without("A").isEmpty());
    }

    @Test
    void rejectsHeaderInjection() {
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("X", "a\r\nSet-Cookie: b"));
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("Bad Name", "a"));
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("", "a"));
        assertThrows(IllegalArgumentException.class, () -> HttpHeaders.of("odd"));
    }

    @Test
    void toStringMasksCredentials() {
        String text = HttpHeaders.of("Authorization", "Basic c2VjcmV0", "Accept", "*/*").toString();
        assertFalse(text.contains("c2VjcmV0"), text);
        assertTrue(text.contains("Accept: */*"), text);
    }
}
