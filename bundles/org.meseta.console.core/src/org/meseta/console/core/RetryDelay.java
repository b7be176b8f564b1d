package org.meseta.console.core;

import java.time.Duration;

/** Formats retry delays for people: whole seconds, rounded up, or milliseconds below a second. */
final class RetryDelay {

    private RetryDelay() {
    }

    static String format(Duration delay) {
        long millis = delay.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return ((millis + 999) / 1000) + " s";
    }
}
