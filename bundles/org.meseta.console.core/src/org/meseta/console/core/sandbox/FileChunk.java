package org.meseta.console.core.sandbox;

import java.nio.charset.StandardCharsets;

/**
 * Part of a file, as an agent's {@code /files/read} answers: its text and where it starts. Immutable.
 *
 * @param offset the byte offset of {@code data} in the file; for a read past the end, the file's size
 * @param data the bytes read, as text (the agent decodes them as UTF-8)
 */
public record FileChunk(long offset, String data) {

    /** How many bytes {@code data} stands for, to find the offset of the next read. */
    public long length() {
        return data.getBytes(StandardCharsets.UTF_8).length;
    }
}
