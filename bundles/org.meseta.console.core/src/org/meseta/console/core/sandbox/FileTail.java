package org.meseta.console.core.sandbox;

/**
 * The end of a growing file, as a sandbox browser shows stdout and stderr: where the next {@code /files/read}
 * starts, and the text read so far, at most {@code keep} characters of it (older text is dropped a line at a
 * time). The first read starts one {@link SandboxFiles#MAX_READ} window before the end, so a large file shows its
 * end at once; each later one where the previous ended. A file that shrank (truncated, or replaced) is read again
 * from its start. Polling {@code /files/read} with offsets is how Mesos's web UI tails files too.
 *
 * <p>Pure and not thread-safe: a view keeps one per file shown, on its UI thread, and does the reads itself.
 */
public final class FileTail {

    private final int keep;
    private long offset = -1;
    private final StringBuilder text = new StringBuilder();

    /** @param keep how many characters of text to keep at most */
    public FileTail(int keep) {
        this.keep = keep;
    }

    /** Whether the file's size is known yet (the first read, at offset -1, gives it). */
    public boolean isStarted() {
        return offset >= 0;
    }

    /** Where the next read starts: -1 (the size) until the size is known. */
    public long nextOffset() {
        return offset;
    }

    /**
     * Takes in the answer to the read at {@link #nextOffset()}; whether more is waiting (a full window came, so the
     * next read need not wait).
     */
    public boolean received(FileChunk chunk) {
        if (offset < 0) {
            offset = Math.max(0, chunk.offset() - SandboxFiles.MAX_READ);
            return true;
        }
        if (chunk.offset() < offset) {
            // The file is shorter than what was read of it: it was truncated or replaced.
            text.setLength(0);
            text.append("[the file was truncated; reading it again from its start]\n");
            offset = 0;
            return true;
        }
        append(chunk.data());
        offset = chunk.offset() + chunk.length();
        return chunk.length() >= SandboxFiles.MAX_READ;
    }

    /** The text read, at most {@code keep} characters. */
    public String text() {
        return text.toString();
    }

    private void append(String data) {
        text.append(data);
        if (text.length() > keep) {
            int cut = text.length() - keep;
            int lineStart = text.indexOf("\n", cut);
            text.delete(0, lineStart < 0 || lineStart >= text.length() - 1 ? cut : lineStart + 1);
        }
    }
}
