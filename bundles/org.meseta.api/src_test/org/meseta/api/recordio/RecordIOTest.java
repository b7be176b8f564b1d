package org.meseta.api.recordio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordIOTest {
    @Test
    void framesWithDecimalLength() {
        assertEquals("2\nab", new String(RecordIO.frame("ab".getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }
}
