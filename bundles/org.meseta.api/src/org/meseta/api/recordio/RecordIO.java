package org.meseta.api.recordio;

import java.nio.charset.StandardCharsets;

/**
 * Writes Mesos RecordIO framing: each record is preceded by its length in bytes as ASCII decimal
 * digits and a newline ({@code 5\nhello}); nothing follows the last record. Read it back with
 * {@link RecordIODecoder}. Stateless and thread-safe.
 */
public final class RecordIO {

    private RecordIO() {}

    /** The framed record: length prefix followed by the record's bytes, in one new array. */
    public static byte[] frame(byte[] record) {
        byte[] header = header(record.length);
        byte[] framed = new byte[header.length + record.length];
        System.arraycopy(header, 0, framed, 0, header.length);
        System.arraycopy(record, 0, framed, header.length, record.length);
        return framed;
    }

    /**
     * Only the length prefix ({@code "<recordLength>\n"}), for writers that send the record from its
     * own buffer without copying it.
     *
     * @throws IllegalArgumentException if {@code recordLength} is negative
     */
    public static byte[] header(int recordLength) {
        if (recordLength < 0) {
            throw new IllegalArgumentException("record length must not be negative: " + recordLength);
        }
        return (recordLength + "\n").getBytes(StandardCharsets.US_ASCII);
    }
}
