package org.meseta.api.recordio;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Mesos RecordIO stream ({@code <decimal length>\n<record bytes>}, repeated) back into
 * records, fed with chunks cut anywhere: inside the length prefix, inside a record, or with several
 * records in one chunk.
 *
 * <p>A length prefix must be one or more ASCII digits ending in {@code \n}, with no more digits than
 * {@code maxRecordBytes} has (so it cannot overflow), and its value must not exceed
 * {@code maxRecordBytes}. On the first framing error the decoder fails for good: that call and every
 * later one throw {@link RecordIOException}, and records completed earlier in the failing chunk are
 * discarded with it. Memory is bounded by one record of at most {@code maxRecordBytes}.
 *
 * <p>Not thread-safe: use one decoder per stream, from one thread at a time (e.g. a Netty channel's
 * event loop).
 */
public final class RecordIODecoder {

    private final int maxRecordBytes;
    private final int maxLengthDigits;

    /** Value and digit count of the length prefix being read; digits is 0 between records. */
    private long length;
    private int lengthDigits;

    /** The record being filled after its prefix was read; null while reading a prefix. */
    private byte[] record;
    private int filled;

    private RecordIOException failure;

    /**
     * @param maxRecordBytes largest record accepted, in bytes
     * @throws IllegalArgumentException if {@code maxRecordBytes} is negative
     */
    public RecordIODecoder(int maxRecordBytes) {
        if (maxRecordBytes < 0) {
            throw new IllegalArgumentException("maxRecordBytes must not be negative: " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
        this.maxLengthDigits = Integer.toString(maxRecordBytes).length();
    }

    /**
     * Consumes a chunk of the stream.
     *
     * @return the records completed by this chunk, in stream order (empty if none)
     * @throws RecordIOException if the stream is malformed here or failed before
     */
    public List<byte[]> decode(byte[] chunk) throws RecordIOException {
        return decode(ByteBuffer.wrap(chunk));
    }

    /**
     * Consumes all remaining bytes of {@code chunk}, advancing its position to its limit.
     *
     * @return the records completed by this chunk, in stream order (empty if none)
     * @throws RecordIOException if the stream is malformed here or failed before
     */
    public List<byte[]> decode(ByteBuffer chunk) throws RecordIOException {
        if (failure != null) {
            throw new RecordIOException("RecordIO stream already failed: " + failure.getMessage());
        }
        List<byte[]> records = new ArrayList<>(2);
        try {
            while (chunk.hasRemaining()) {
                if (record == null) {
                    readLengthByte(chunk.get(), records);
                } else {
                    fillRecord(chunk, records);
                }
            }
        } catch (RecordIOException malformed) {
            failure = malformed;
            throw malformed;
        }
        return records;
    }

    /**
     * Whether the stream stopped inside a length prefix or a record. At the end of the stream this
     * means it was truncated.
     */
    public boolean hasPartialRecord() {
        return lengthDigits > 0 || record != null;
    }

    /** Whether a framing error was found; the decoder then rejects all further input. */
    public boolean isFailed() {
        return failure != null;
    }

    private void readLengthByte(byte b, List<byte[]> records) throws RecordIOException {
        if (b == '\n') {
            if (lengthDigits == 0) {
                throw new RecordIOException(
                        "Invalid RecordIO length prefix: empty line where a record length was expected");
            }
            if (length > maxRecordBytes) {
                throw new RecordIOException("RecordIO record of " + length + " bytes exceeds the limit of "
                        + maxRecordBytes + " bytes");
            }
            startRecord((int) length, records);
        } else if (b >= '0' && b <= '9') {
            if (lengthDigits == maxLengthDigits) {
                throw new RecordIOException("Invalid RecordIO length prefix: more than " + maxLengthDigits
                        + " digits (records are limited to " + maxRecordBytes + " bytes)");
            }
            length = length * 10 + (b - '0');
            lengthDigits++;
        } else {
            throw new RecordIOException("Invalid RecordIO length prefix: unexpected " + describe(b)
                    + " where a decimal digit or a newline was expected");
        }
    }

    private void startRecord(int recordLength, List<byte[]> records) {
        length = 0;
        lengthDigits = 0;
        if (recordLength == 0) {
            records.add(new byte[0]);
        } else {
            record = new byte[recordLength];
            filled = 0;
        }
    }

    private void fillRecord(ByteBuffer chunk, List<byte[]> records) {
        int count = Math.min(chunk.remaining(), record.length - filled);
        chunk.get(record, filled, count);
        filled += count;
        if (filled == record.length) {
            records.add(record);
            record = null;
        }
    }

    private static String describe(byte b) {
        return b >= 0x21 && b <= 0x7e ? "'" + (char) b + "'" : String.format("byte 0x%02x", b & 0xff);
    }
}
