package org.meseta.api.recordio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RecordIOTest {

    @Test
    void framesWithDecimalByteLengthAndNoTrailingNewline() {
        byte[] framed = RecordIO.frame("ab".getBytes(StandardCharsets.UTF_8));
        assertEquals("2\nab", new String(framed, StandardCharsets.UTF_8));
    }

    @Test
    void lengthCountsBytesNotCharacters() {
        byte[] utf8 = "\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals("5\n\u00e9t\u00e9".getBytes(StandardCharsets.UTF_8), RecordIO.frame(utf8));
    }

    @Test
    void emptyRecordIsFramedAsZeroLength() {
        assertArrayEquals("0\n".getBytes(StandardCharsets.US_ASCII), RecordIO.frame(new byte[0]));
    }

    @Test
    void headerIsTheLengthPrefixAlone() {
        assertArrayEquals("1048576\n".getBytes(StandardCharsets.US_ASCII), RecordIO.header(1_048_576));
        assertThrows(IllegalArgumentException.class, () -> RecordIO.header(-1));
    }
}
