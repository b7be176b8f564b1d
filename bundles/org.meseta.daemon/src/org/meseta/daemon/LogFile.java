package org.meseta.daemon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;

/**
 * A daemon's log written to a file in Mesos's {@code --log_dir} as well as to stderr: everything the process logs
 * through {@code java.util.logging} (where {@link System.Logger} ends up), in the same format as stderr (the
 * {@code java.util.logging.SimpleFormatter.format} the launch scripts set), flushed line by line so that
 * {@code /files/read} sees each line as soon as it is logged. The file is appended to across restarts.
 *
 * <p>The handler sits on the root logger, so a process running several daemons (tests, local mode) writes all of
 * their lines to each open log file. {@link #close()} removes and closes it; idempotent.
 */
public final class LogFile implements AutoCloseable {

    private final Path path;
    private final Handler handler;

    private LogFile(Path path, Handler handler) {
        this.path = path;
        this.handler = handler;
    }

    /**
     * Creates {@code logDir} and its parents unless it exists, opens {@code logDir/fileName} for appending and starts
     * logging to it.
     *
     * @throws DaemonException in one line naming the flag, the path and the reason, e.g.
     *     {@code Cannot create --log_dir /var/log/meseta: permission denied for /var/log}
     */
    public static LogFile open(Path logDir, String fileName) throws DaemonException {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new DaemonException("Cannot create --log_dir " + logDir + ": " + WorkDir.reason(e), e);
        }
        Path file = logDir.resolve(fileName);
        OutputStream out;
        try {
            out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DaemonException("Cannot write the log file " + file + " in --log_dir: " + WorkDir.reason(e),
                    e);
        }
        Handler handler = new Handler(out);
        Logger.getLogger("").addHandler(handler);
        return new LogFile(file, handler);
    }

    /** The file written to. */
    public Path path() {
        return path;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
        handler.close();
    }

    @Override
    public String toString() {
        return "log file " + path;
    }

    /** Writes each record at once: a reader of the file sees every line as soon as it is logged. */
    private static final class Handler extends StreamHandler {

        Handler(OutputStream out) {
            super(out, new SimpleFormatter());
            setLevel(Level.ALL);
            try {
                setEncoding("UTF-8");
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            flush();
        }
    }
}
