package org.meseta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * What one class logs while a test runs, through {@code java.util.logging} (where {@link System.Logger} ends up in
 * the test runtime). The records are kept out of the build output, since a test that provokes a failure expects
 * its log line; {@link #close()} restores normal logging. Records may arrive from any thread.
 */
public final class LogCapture implements AutoCloseable {

    private static final SimpleFormatter FORMATTER = new SimpleFormatter();

    /** Held so the logger, and the handler on it, is not garbage collected while capturing. */
    private final Logger logger;
    private final boolean usedParentHandlers;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.usedParentHandlers = logger.getUseParentHandlers();
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
    }

    /** Starts capturing what {@code source} logs (its logger is named after the class, as Meseta's are). */
    public static LogCapture of(Class<?> source) {
        return new LogCapture(Logger.getLogger(source.getName()));
    }

    /** Every record so far, oldest first. */
    public List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** The messages logged at {@code level}, with their parameters filled in, oldest first. */
    public List<String> messages(Level level) {
        return records.stream().filter(record -> record.getLevel() == level).map(FORMATTER::formatMessage).toList();
    }

    /** Every message with its parameters filled in, oldest first. */
    public List<String> messages() {
        return records.stream().map(FORMATTER::formatMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(usedParentHandlers);
    }
}
