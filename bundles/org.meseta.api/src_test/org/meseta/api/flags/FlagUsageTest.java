package org.meseta.api.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Flag declarations and the usage text. */
class FlagUsageTest {

    @Test
    void usageListsEveryFlagAlignedInNameOrderWithDefaults() {
        List<Flag<?>> flags = List.of(
                Flag.port("port", "Port to listen on", 5050),
                Flag.bool("hostname_lookup", "Look up the hostname", true),
                Flag.string("work_dir", "Where to store the registry").required(),
                Flag.duration("offer_timeout", "Rescind offers after this long"));

        String usage = FlagParser.usage("meseta-master", "Runs a Meseta master.", flags);

        assertEquals("""
                Usage: meseta-master [options]

                Runs a Meseta master.

                  --[no-]help                Prints this help message
                  --[no-]hostname_lookup     Look up the hostname (default: true)
                  --offer_timeout=VALUE      Rescind offers after this long
                  --port=VALUE               Port to listen on (default: 5050)
                  --work_dir=VALUE           Where to store the registry (required)
                """, usage);
    }

    @Test
    void multiLineHelpIsIndentedToTheHelpColumnAndDurationsPrintInStoutForm() {
        List<Flag<?>> flags = List.of(Flag.duration("allocation_interval",
                "Time between allocation passes.\nLower values allocate sooner.", Duration.ofMillis(1500)));

        String usage = FlagParser.usage("meseta-master", "", flags);

        assertEquals("""
                Usage: meseta-master [options]

                  --allocation_interval=VALUE     Time between allocation passes.
                                                  Lower values allocate sooner. (default: 1500ms)
                  --[no-]help                     Prints this help message
                """, usage);
    }

    @Test
    void declarationsExposeTheirProperties() {
        Flag<Integer> port = Flag.port("port", "Port", 5050);
        Flag<String> name = Flag.string("name", "Name").required();

        assertEquals("port", port.name());
        assertEquals("Port", port.help());
        assertEquals(Optional.of(5050), port.defaultValue());
        assertFalse(port.isRequired());
        assertFalse(port.isBoolean());
        assertTrue(name.isRequired());
        assertEquals(Optional.empty(), name.defaultValue());
        assertTrue(Flag.bool("debug", "Debug").isBoolean());
        assertEquals("--port", port.toString());
    }

    @Test
    void requiredFlagsCannotHaveDefaultsAndTheOtherWayRound() {
        assertThrows(IllegalStateException.class, () -> Flag.port("port", "Port", 5050).required());
        assertThrows(IllegalStateException.class, () -> Flag.string("name", "Name").required().withDefault("x"));
    }

    @Test
    void flagNamesAreLowerCaseWordsAndHelpIsReserved() {
        assertThrows(IllegalArgumentException.class, () -> Flag.string("Work_Dir", "x"));
        assertThrows(IllegalArgumentException.class, () -> Flag.string("work-dir", "x"));
        assertThrows(IllegalArgumentException.class, () -> Flag.string("", "x"));
        assertThrows(IllegalArgumentException.class, () -> Flag.bool("help", "x"));
    }

    @Test
    void customFlagsParseWithTheirOwnRules() throws FlagException {
        Flag<List<String>> roles = Flag.custom("roles", "Allowed roles",
                text -> List.of(text.split(",")), list -> String.join(",", list));

        Flags flags = FlagParser.parse(List.of(roles), List.of("--roles=a,b"));

        assertEquals(List.of("a", "b"), flags.get(roles));
        assertEquals("a,b", flags.effectiveValues().get("roles"));
    }
}
