package org.meseta.console.core.calls;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CallClient} sends its calls.
 *
 * @param encoding how operator calls travel to the master
 * @param connectTimeout how long to wait for a connection
 * @param answerTimeout how long to wait for the answer once connected (a call that changes the registry answers once
 *        the change is stored)
 */
public record CallSettings(Encoding encoding, Duration connectTimeout, Duration answerTimeout) {

    /** JSON, 3 s to connect, 60 s for the answer. */
    public static final CallSettings DEFAULT = new CallSettings(Encoding.JSON, Duration.ofSeconds(3),
            Duration.ofSeconds(60));

    /** @throws IllegalArgumentException if a timeout is not positive */
    public CallSettings {
        Objects.requireNonNull(encoding, "encoding");
        requirePositive("connectTimeout", connectTimeout);
        requirePositive("answerTimeout", answerTimeout);
    }

    /** These settings with operator calls sent as {@code other}. */
    public CallSettings with(Encoding other) {
        return new CallSettings(other, connectTimeout, answerTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
