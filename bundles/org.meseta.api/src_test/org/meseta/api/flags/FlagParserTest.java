package org.meseta.api.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class FlagParserTest {
    private static final Flag<Integer> PORT = Flag.port("port", "Port to listen on", 5050);
    private static final Flag<String> IP = Flag.string("ip", "IP address to listen on");
    private static final Flag<Path> WORK_DIR = Flag.path("work_dir", "Where to store the registry").required();
    private static final Flag<Boolean> AUTHENTICATE =
            Flag.bool("authenticate_frameworks", "Require authentication", false);
    private static final Flag<Boolean> HOSTNAME_LOOKUP = Flag.bool("hostname_lookup", "Look up the hostname", true);
    private static final Flag<Duration> OFFER_TIMEOUT = Flag.duration("offer_timeout", "Rescind offers after this");
    private static final Flag<Duration> ALLOCATION_INTERVAL =
            Flag.duration("allocation_interval", "Time between allocation passes", Duration.ofSeconds(1));
    private static final Flag<Integer> MAX_COMPLETED = Flag.integer("max_completed_frameworks", "Frameworks kept", 50);

    private static final List<Flag<?>> ALL = List.of(
            PORT, IP, WORK_DIR, AUTHENTICATE, HOSTNAME_LOOKUP, OFFER_TIMEOUT, ALLOCATION_INTERVAL, MAX_COMPLETED);

    private static Flags parse(String... args) throws FlagException {
        return FlagParser.parse(ALL, Arrays.asList(args));
    }

    @Test
    void givenValuesWinAndOthersFallBackToTheirDefaults() throws FlagException {
        Flags flags = parse("--port=5051", "--work_dir=/var/lib/meseta", "--offer_timeout=30secs", "--ip=10.0.0.1");

        assertEquals(5051, flags.get(PORT));
        assertEquals(Path.of("/var/lib/meseta"), flags.get(WORK_DIR));
        assertEquals(Duration.ofSeconds(30), flags.get(OFFER_TIMEOUT));
        assertEquals("10.0.0.1", flags.get(IP));
        assertEquals(Duration.ofSeconds(1), flags.get(ALLOCATION_INTERVAL));
        assertEquals(50, flags.get(MAX_COMPLETED));
        assertFalse(flags.get(AUTHENTICATE));
        assertTrue(flags.isExplicit(PORT));
        assertFalse(flags.isExplicit(MAX_COMPLETED));
        assertFalse(flags.helpRequested());
    }

    @Test
    void optionalFlagWithoutValueIsAbsentAndGetThrows() throws FlagException {
        Flags flags = parse("--work_dir=/w");

        assertEquals(Optional.empty(), flags.find(IP));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> flags.get(IP));
        assertEquals("Flag '--ip' was not given and has no default", e.getMessage());
    }

    @Test
    void booleansAcceptBareNameNegationAndExplicitValues() throws FlagException {
        assertTrue(parse("--work_dir=/w", "--authenticate_frameworks").get(AUTHENTICATE));
        assertTrue(parse("--work_dir=/w", "--authenticate_frameworks=true").get(AUTHENTICATE));
        assertTrue(parse("--work_dir=/w", "--authenticate_frameworks=1").get(AUTHENTICATE));
        assertFalse(parse("--work_dir=/w", "--no-hostname_lookup").get(HOSTNAME_LOOKUP));
        assertFalse(parse("--work_dir=/w", "--hostname_lookup=false").get(HOSTNAME_LOOKUP));
        assertFalse(parse("--work_dir=/w", "--hostname_lookup=0").get(HOSTNAME_LOOKUP));
        assertTrue(parse("--work_dir=/w", "--no-hostname_lookup").isExplicit(HOSTNAME_LOOKUP));
    }

    @Test
    void namesAreCaseInsensitiveAndArgumentsAreTrimmed() throws FlagException {
        Flags flags = parse(" --WORK_DIR=/w ", "--Port=1");

        assertEquals(1, flags.get(PORT));
        assertEquals(Path.of("/w"), flags.get(WORK_DIR));
    }

    @Test
    void emptyValueIsAValueForStringFlags() throws FlagException {
        assertEquals("", parse("--work_dir=/w", "--ip=").get(IP));
    }

    @Test
    void valueMayContainEqualsSigns() throws FlagException {
        assertEquals("a=b", parse("--work_dir=/w", "--ip=a=b").get(IP));
    }

    @Test
    void helpIsReportedWithoutValidatingAnythingElse() throws FlagException {
        Flags flags = parse("--help", "--unknown", "--port=abc", "positional");

        assertTrue(flags.helpRequested());
        assertEquals(5050, flags.get(PORT));
        assertTrue(parse("--help=true").helpRequested());
    }

    @Test
    void helpCanBeTurnedOffExplicitly() throws FlagException {
        assertFalse(parse("--work_dir=/w", "--no-help").helpRequested());
        assertFalse(parse("--work_dir=/w", "--help=false").helpRequested());
    }

    /** One case per line: args | message. */
    private static final String BAD_ARGUMENTS = """
            --foo=1                                | Unknown flag '--foo'
            --no-foo                               | Unknown flag '--no-foo'
            --port                                 | Missing value for flag '--port': use --port=VALUE
            --port=abc                             | Invalid value 'abc' for flag '--port': expected a port number between 1 and 65535
            --port=0                               | Invalid value '0' for flag '--port': expected a port number between 1 and 65535
            --port=65536                           | Invalid value '65536' for flag '--port': expected a port number between 1 and 65535
            --max_completed_frameworks=x           | Invalid value 'x' for flag '--max_completed_frameworks': expected an integer
            --max_completed_frameworks=3000000000  | Invalid value '3000000000' for flag '--max_completed_frameworks': expected an integer between -2147483648 and 2147483647
            --authenticate_frameworks=yes          | Invalid value 'yes' for flag '--authenticate_frameworks': expected true or false
            --offer_timeout=15                     | Invalid value '15' for flag '--offer_timeout': the unit is missing; expected one of ns, us, ms, secs, mins, hrs, days, weeks
            --offer_timeout=15s                    | Invalid value '15s' for flag '--offer_timeout': unknown unit 's'; expected one of ns, us, ms, secs, mins, hrs, days, weeks
            --work_dir=                            | Invalid value '' for flag '--work_dir': expected a path, not an empty value
            --no-port                              | Flag '--port' is not a boolean and cannot be given as '--no-port'
            --no-hostname_lookup=true              | Flag '--no-hostname_lookup' does not take a value
            --port=1,--port=2                      | Flag '--port' is given more than once
            --hostname_lookup,--no-hostname_lookup | Flag '--hostname_lookup' is given more than once
            positional                             | Unexpected argument 'positional': flags have the form --name=value
            -port=1                                | Unexpected argument '-port=1': flags have the form --name=value
            --                                     | Invalid argument '--': the flag name is missing
            --=x                                   | Invalid argument '--=x': the flag name is missing
            --help=maybe                           | Invalid value 'maybe' for flag '--help': expected true or false
            --no-help=1                            | Flag '--no-help' does not take a value
            """;

    @TestFactory
    Stream<DynamicTest> rejectsBadArgumentsWithOneClearLine() {
        return BAD_ARGUMENTS.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    // Each of these fails while reading arguments, before the check for the required --work_dir.
                    List<String> args = List.of(row[0].split(","));
                    FlagException e = assertThrows(FlagException.class, () -> FlagParser.parse(ALL, args));
                    assertEquals(row[1], e.getMessage());
                }));
    }

    @Test
    void missingRequiredFlagIsReported() {
        FlagException e = assertThrows(FlagException.class, () -> parse("--port=5051"));

        assertEquals("Missing required flag '--work_dir'", e.getMessage());
    }

    @Test
    void effectiveValuesListEveryFlagWithAValuePrintedAsMesosDoes() throws FlagException {
        Flags flags = parse("--work_dir=/w", "--offer_timeout=90secs", "--no-hostname_lookup");

        Map<String, String> expected = new TreeMap<>(Map.of(
                "allocation_interval", "1secs",
                "authenticate_frameworks", "false",
                "hostname_lookup", "false",
                "max_completed_frameworks", "50",
                "offer_timeout", "90secs",
                "port", "5050",
                "work_dir", "/w"));
        assertEquals(expected, flags.effectiveValues());
    }

    @Test
    void flagsNotDeclaredToTheParserAreRefused() throws FlagException {
        Flags flags = parse("--work_dir=/w");
        Flag<Integer> lookalike = Flag.port("port", "another declaration", 5050);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> flags.get(lookalike));
        assertEquals("Flag '--port' was not declared to the parser", e.getMessage());
    }

    @Test
    void declaringTwoFlagsWithOneNameIsAProgrammingError() {
        List<Flag<?>> twice = List.of(PORT, Flag.integer("port", "again"));

        assertThrows(IllegalArgumentException.class, () -> FlagParser.parse(twice, List.of()));
    }
}
