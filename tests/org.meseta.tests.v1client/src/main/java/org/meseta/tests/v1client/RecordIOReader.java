package org.meseta.tests.v1client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads RecordIO records ({@code <length>\n<bytes>}) from a stream, as Mesos's clients do. */
public final class RecordIOReader {

    private static final int MAX_RECORD = 16 * 1024 * 1024;

    private final InputStream in;

    public RecordIOReader(InputStream in) {
        this.in = in;
    }

    /** The next record, or empty at the end of the stream. */
    public Optional<byte[]> next() throws IOException {
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (header.size() == 0) {
                    return Optional.empty();
                }
                throw new IOException("The stream ended inside a record header");
            }
            if (b < '0' || b > '9' || header.size() > 9) {
                throw new IOException("Bad RecordIO header byte " + b);
            }
            header.write(b);
        }
        int length = Integer.parseInt(header.toString());
        if (length > MAX_RECORD) {
            throw new IOException("RecordIO record of " + length + " bytes");
        }
        byte[] record = in.readNBytes(length);
        if (record.length != length) {
            throw new IOException("The stream ended inside a record");
        }
        return Optional.of(record);
    }
}
