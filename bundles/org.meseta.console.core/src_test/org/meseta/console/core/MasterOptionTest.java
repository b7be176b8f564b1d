package org.meseta.console.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MasterOptionTest {

    @Test
    void readsTheArgumentInEitherForm() {
        assertEquals(Optional.of("m:5050"), MasterOption.find(new String[] {"-consoleLog", "--master=m:5050"}, null));
        assertEquals(Optional.of("m:5050"), MasterOption.find(new String[] {"--master", "m:5050"}, null));
    }

    @Test
    void theLastArgumentWinsOverEarlierOnesAndOverTheProperty() {
        assertEquals(Optional.of("b:2"), MasterOption.find(new String[] {"--master=a:1", "--master=b:2"}, "c:3"));
    }

    @Test
    void fallsBackToTheSystemProperty() {
        assertEquals(Optional.of("c:3"), MasterOption.find(new String[] {"--master="}, " c:3 "));
        assertEquals(Optional.of("c:3"), MasterOption.find(null, "c:3"));
    }

    @Test
    void returnsInvalidTextAsGivenSoTheUserCanSeeIt() {
        assertEquals(Optional.of("not-an-address"), MasterOption.find(new String[] {"--master=not-an-address"}, null));
    }

    @Test
    void nothingGivenMeansEmpty() {
        assertEquals(Optional.empty(), MasterOption.find(new String[] {"--master"}, null));
        assertEquals(Optional.empty(), MasterOption.find(new String[0], "  "));
    }
}
