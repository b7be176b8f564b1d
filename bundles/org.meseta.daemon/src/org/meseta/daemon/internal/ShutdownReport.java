package org.meseta.daemon.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** One line on stderr in the daemons' log format, for the moments when logging may already be shut down. */
final class ShutdownReport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private ShutdownReport() {}

    static void print(String program, String message) {
        System.err.println(TIME.format(LocalDateTime.now()) + " INFO    " + program + ": " + message);
        System.err.flush();
    }
}
