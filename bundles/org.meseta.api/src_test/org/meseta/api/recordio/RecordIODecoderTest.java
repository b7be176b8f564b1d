package org.meseta.api.recordio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordIODecoderTest {

    private static final int MAX = 1_048_576;

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> strings(List<byte[]> records) {
        return records.stream().map(r -> new String(r, StandardCharsets.UTF_8)).toList();
    }

    private static byte[] stream(String... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String record : records) {
            out.writeBytes(RecordIO.frame(ascii(record)));
        }
        return out.toByteArray();
    }

    private static String failure(RecordIODecoder decoder, String chunk) {
        return assertThrows(RecordIOException.class, () -> decoder.decode(ascii(chunk))).getMessage();
    }

    @Test
    void recordsSplitAtEveryPointAcrossTwoChunksAreReassembled() throws RecordIOException {
        List<String> records = List.of("{\"type\":\"SUBSCRIBED\"}", "", "{\"type\":\"HEARTBEAT\"}");
        byte[] stream = stream(records.toArray(String[]::new));
        for (int split = 0; split <= stream.length; split++) {
            RecordIODecoder decoder = new RecordIODecoder(MAX);
            List<byte[]> decoded = new ArrayList<>(decoder.decode(Arrays.copyOfRange(stream, 0, split)));
            decoded.addAll(decoder.decode(Arrays.copyOfRange(stream, split, stream.length)));
            assertEquals(records, strings(decoded), "split at " + split);
            assertFalse(decoder.hasPartialRecord(), "split at " + split);
        }
    }

    @Test
    void recordsCutIntoThreeChunksAtEveryPairOfPointsAreReassembled() throws RecordIOException {
        List<String> records = List.of("hello", "0123456789ab");
        byte[] stream = stream(records.toArray(String[]::new));
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                RecordIODecoder decoder = new RecordIODecoder(MAX);
                List<byte[]> decoded = new ArrayList<>(decoder.decode(Arrays.copyOfRange(stream, 0, first)));
                decoded.addAll(decoder.decode(Arrays.copyOfRange(stream, first, second)));
                decoded.addAll(decoder.decode(Arrays.copyOfRange(stream, second, stream.length)));
                assertEquals(records, strings(decoded), "cuts at " + first + " and " + second);
            }
        }
    }

    @Test
    void streamFedOneByteAtATimeYieldsEachRecordWhenItsLastByteArrives() throws RecordIOException {
        byte[] stream = ascii("3\nabc10\n0123456789");
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        List<Integer> completedAt = new ArrayList<>();
        for (int i = 0; i < stream.length; i++) {
            if (!decoder.decode(new byte[] {stream[i]}).isEmpty()) {
                completedAt.add(i);
            }
        }
        assertEquals(List.of(4, stream.length - 1), completedAt);
    }

    @Test
    void severalRecordsInOneChunkComeOutInOrder() throws RecordIOException {
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        assertEquals(List.of("a", "bb", "", "ccc"), strings(decoder.decode(ascii("1\na2\nbb0\n3\nccc"))));
    }

    @Test
    void zeroLengthRecordIsEmittedAsSoonAsItsPrefixEnds() throws RecordIOException {
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        List<byte[]> records = decoder.decode(ascii("0\n"));
        assertEquals(1, records.size());
        assertEquals(0, records.get(0).length);
        assertFalse(decoder.hasPartialRecord());
    }

    @Test
    void recordLargerThanTheChunksIsAssembledFromAllOfThem() throws RecordIOException {
        byte[] big = new byte[100_000];
        Arrays.fill(big, (byte) 'x');
        big[big.length - 1] = 'y';
        byte[] stream = RecordIO.frame(big);
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        List<byte[]> records = new ArrayList<>();
        for (int at = 0; at < stream.length; at += 4096) {
            records.addAll(decoder.decode(Arrays.copyOfRange(stream, at, Math.min(stream.length, at + 4096))));
            assertEquals(at + 4096 < stream.length, decoder.hasPartialRecord());
        }
        assertEquals(1, records.size());
        assertTrue(Arrays.equals(big, records.get(0)));
    }

    @Test
    void byteBufferInputIsConsumedToItsLimit() throws RecordIOException {
        ByteBuffer chunk = ByteBuffer.wrap(ascii("XX2\nhi1\n"), 2, 6);
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        assertEquals(List.of("hi"), strings(decoder.decode(chunk)));
        assertFalse(chunk.hasRemaining());
        assertTrue(decoder.hasPartialRecord(), "the prefix 1\\n of a second record was consumed");
    }

    @Test
    void partialRecordIsReportedForEndOfStreamChecks() throws RecordIOException {
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        assertFalse(decoder.hasPartialRecord());
        decoder.decode(ascii("1"));
        assertTrue(decoder.hasPartialRecord(), "inside the length prefix");
        decoder.decode(ascii("2\nabc"));
        assertTrue(decoder.hasPartialRecord(), "inside the record");
        decoder.decode(ascii("defghijkl"));
        assertFalse(decoder.hasPartialRecord());
    }

    @Test
    void lettersInTheLengthPrefixAreRejected() {
        assertEquals("Invalid RecordIO length prefix: unexpected 'a' where a decimal digit or a newline was expected",
                failure(new RecordIODecoder(MAX), "1a\nx"));
        assertEquals(
                "Invalid RecordIO length prefix: unexpected byte 0x0d where a decimal digit or a newline was expected",
                failure(new RecordIODecoder(MAX), "1\r\nx"));
    }

    @Test
    void negativeLengthIsRejected() {
        assertEquals("Invalid RecordIO length prefix: unexpected '-' where a decimal digit or a newline was expected",
                failure(new RecordIODecoder(MAX), "-1\n"));
    }

    @Test
    void emptyLengthLineIsRejected() {
        assertEquals("Invalid RecordIO length prefix: empty line where a record length was expected",
                failure(new RecordIODecoder(MAX), "\n"));
        RecordIODecoder afterRecord = new RecordIODecoder(MAX);
        assertEquals("Invalid RecordIO length prefix: empty line where a record length was expected",
                failure(afterRecord, "2\nab\n2\nab"), "a newline after a record is not a separator");
    }

    @Test
    void lengthAboveTheLimitIsRejected() {
        assertEquals("RecordIO record of 1001 bytes exceeds the limit of 1000 bytes",
                failure(new RecordIODecoder(1000), "1001\n"));
    }

    @Test
    void lengthAtTheLimitIsAccepted() throws RecordIOException {
        RecordIODecoder decoder = new RecordIODecoder(5);
        assertEquals(List.of("12345"), strings(decoder.decode(ascii("5\n12345"))));
    }

    @Test
    void overlongDigitRunIsRejectedBeforeItCanOverflow() {
        RecordIODecoder decoder = new RecordIODecoder(1000);
        assertEquals("Invalid RecordIO length prefix: more than 4 digits (records are limited to 1000 bytes)",
                failure(decoder, "99999999999999999999999999"));
        assertEquals("Invalid RecordIO length prefix: more than 4 digits (records are limited to 1000 bytes)",
                failure(new RecordIODecoder(1000), "00001\n"));
    }

    @Test
    void decoderStaysFailedAfterAnError() {
        RecordIODecoder decoder = new RecordIODecoder(MAX);
        String first = failure(decoder, "x");
        assertTrue(decoder.isFailed());
        String later = failure(decoder, "1\na");
        assertEquals("RecordIO stream already failed: " + first, later);
        assertThrows(RecordIOException.class, () -> decoder.decode(new byte[0]));
    }

    @Test
    void negativeLimitIsAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> new RecordIODecoder(-1));
    }
}
