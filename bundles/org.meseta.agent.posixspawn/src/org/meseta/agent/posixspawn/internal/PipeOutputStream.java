package org.meseta.agent.posixspawn.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** The write end of a pipe to a child's stdin. Thread-safe; closing it twice closes it once. */
final class PipeOutputStream extends OutputStream {

    private final LibC libc;
    private int fd;

    PipeOutputStream(LibC libc, int fd) {
        this.libc = libc;
        this.fd = fd;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (fd < 0) {
            throw new IOException("Stream closed");
        }
        libc.write(fd, bytes, offset, length);
    }

    @Override
    public synchronized void close() throws IOException {
        if (fd >= 0) {
            int closing = fd;
            fd = -1;
            libc.close(closing);
        }
    }
}
