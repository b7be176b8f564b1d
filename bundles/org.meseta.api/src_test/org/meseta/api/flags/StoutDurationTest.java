package org.meseta.api.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class StoutDurationTest {

    /** One case per line: text | nanos. */
    private static final String PARSED = """
            15secs           | 15000000000
            100ms            | 100000000
            1.5days          | 129600000000000
            10mins           | 600000000000
            2hrs             | 7200000000000
            1weeks           | 604800000000000
            250us            | 250000
            7ns              | 7
            0ns              | 0
            .5secs           | 500000000
            5.secs           | 5000000000
            0.1secs          | 100000000
            1.0000000009secs | 1000000000
            """;

    @TestFactory
    Stream<DynamicTest> parsesEveryUnitAndFractions() {
        return PARSED.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    assertEquals(Duration.ofNanos(Long.parseLong(row[1])), StoutDuration.parse(row[0]));
                }));
    }

    /** One case per line: nanos | text. */
    private static final String FORMATTED = """
            0                | 0ns
            999              | 999ns
            1500             | 1500ns
            2000             | 2us
            1500000          | 1500us
            100000000        | 100ms
            1250000000       | 1250ms
            15000000000      | 15secs
            15500000000      | 15500ms
            1234567891       | 1.234567891secs
            90000000000      | 90secs
            600000000000     | 10mins
            5400000000000    | 90mins
            9000000000000    | 150mins
            9000000000001    | 2.50000000000028hrs
            129600000000000  | 36hrs
            172800000000000  | 2days
            1209600000000000 | 2weeks
            777600000000000  | 9days
            -15000000000     | -15secs
            """;

    @TestFactory
    Stream<DynamicTest> formatsLikeStout() {
        return FORMATTED.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    assertEquals(row[1], StoutDuration.format(Duration.ofNanos(Long.parseLong(row[0]))));
                }));
    }

    @Test
    void fractionsThatAreNotWholeInTheNextUnitUseFifteenSignificantDigits() {
        assertEquals("1.42857142857143weeks", StoutDuration.format(Duration.ofNanos(864_000_000_000_001L)));
        assertEquals("15250.2844524715weeks", StoutDuration.format(Duration.ofNanos(Long.MAX_VALUE)));
        assertEquals("-15250.2844524715weeks", StoutDuration.format(Duration.ofNanos(Long.MIN_VALUE)));
    }

    @Test
    void formattedDurationsParseBackToWithinFifteenSignificantDigits() {
        Random random = new Random(42);
        for (int i = 0; i < 10_000; i++) {
            long nanos = random.nextLong() >>> (1 + random.nextInt(63));
            String text = StoutDuration.format(Duration.ofNanos(nanos));

            long parsed = StoutDuration.parse(text).toNanos();
            assertTrue(Math.abs(parsed - nanos) <= 1 + nanos / 100_000_000_000_000L, () -> nanos + " -> " + text);
        }
    }

    /** One case per line: text | message. */
    private static final String BAD_DURATIONS = """
            15         | Invalid duration '15': the unit is missing; expected one of ns, us, ms, secs, mins, hrs, days, weeks
            15s        | Invalid duration '15s': unknown unit 's'; expected one of ns, us, ms, secs, mins, hrs, days, weeks
            15 secs    | Invalid duration '15 secs': unknown unit ' secs'; expected one of ns, us, ms, secs, mins, hrs, days, weeks
            secs       | Invalid duration 'secs': expected a number followed by a unit (ns, us, ms, secs, mins, hrs, days, weeks), e.g. 15secs
            -5secs     | Invalid duration '-5secs': negative durations are not supported
            1.2.3secs  | Invalid duration '1.2.3secs': '1.2.3' is not a number
            .secs      | Invalid duration '.secs': '.' is not a number
            16000weeks | Invalid duration '16000weeks': it exceeds the longest duration, 9223372036854775807ns (about 292 years)
            """;

    @TestFactory
    Stream<DynamicTest> rejectsBadTextWithAClearMessage() {
        return BAD_DURATIONS.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    IllegalArgumentException e =
                            assertThrows(IllegalArgumentException.class, () -> StoutDuration.parse(row[0]));
                    assertEquals(row[1], e.getMessage());
                }));
    }

    @Test
    void emptyTextIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StoutDuration.parse(""));
        assertEquals("Invalid duration '': expected a number followed by a unit"
                + " (ns, us, ms, secs, mins, hrs, days, weeks), e.g. 15secs", e.getMessage());
    }

    @Test
    void durationsBeyondSixtyFourBitNanosecondsCannotBeFormatted() {
        assertThrows(IllegalArgumentException.class, () -> StoutDuration.format(Duration.ofDays(365L * 1000)));
    }
}
