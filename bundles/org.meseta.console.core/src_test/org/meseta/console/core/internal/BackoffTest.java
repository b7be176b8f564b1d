package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.ClientSettings;

class BackoffTest {

    @Test
    void doublesFromOneSecondUpToFive() {
        Backoff backoff = new Backoff(ClientSettings.DEFAULT.firstRetryDelay(), ClientSettings.DEFAULT.maxRetryDelay());

        assertEquals(seconds(1, 2, 4, 5, 5), Stream.generate(backoff::nextDelay).limit(5).toList());
    }

    @Test
    void startsAgainAfterReset() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        backoff.nextDelay();
        backoff.nextDelay();

        backoff.reset();

        assertEquals(seconds(1, 2), Stream.generate(backoff::nextDelay).limit(2).toList());
    }

    private static List<Duration> seconds(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofSeconds).toList();
    }
}
