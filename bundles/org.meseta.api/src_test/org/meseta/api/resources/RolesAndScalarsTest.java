package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RolesAndScalarsTest {

    @TestFactory
    Stream<DynamicTest> acceptsValidRoles() {
        return Stream.of("*", "web", "eng/web", "a.b", "a-b", "..a", "team_1/svc-2")
                .map(role -> dynamicTest(role, () -> assertEquals(Optional.empty(), Roles.problem(role))));
    }

    @TestFactory
    Stream<DynamicTest> rejectsInvalidRoles() {
        return Stream.of("", ".", "..", "a/*", "-a", "a/-b", "a b", "a\tb", "a\u007fb", "/a", "a/", "a//b")
                .map(role -> dynamicTest("'" + role + "'", () -> assertTrue(Roles.problem(role).isPresent())));
    }

    @Test
    void subrolesAreStrictPathDescendants() {
        assertTrue(Roles.isStrictSubroleOf("eng/web", "eng"));
        assertTrue(Roles.isStrictSubroleOf("eng/web/a", "eng"));
        assertFalse(Roles.isStrictSubroleOf("eng", "eng"));
        assertFalse(Roles.isStrictSubroleOf("engineering", "eng"));
    }

    @Test
    void scalarsRoundToTheNearestThousandthHalvesAwayFromZero() {
        assertEquals(1512, Scalars.toMillis(1.5123));
        assertEquals(2, Scalars.toMillis(0.0015));
        assertEquals(-2, Scalars.toMillis(-0.0015));
        assertEquals(0, Scalars.toMillis(0.0004));
    }

    @Test
    void scalarsConvertBackToTheNearestDouble() {
        assertEquals(0.3, Scalars.toDouble(300));
        assertEquals(1024.5, Scalars.toDouble(1_024_500));
        assertEquals("0.3", Scalars.format(300));
        assertEquals("2", Scalars.format(2000));
        assertEquals("0", Scalars.format(0));
    }

    @Test
    void scalarConversionRejectsNonFiniteAndHugeValues() {
        assertThrows(IllegalArgumentException.class, () -> Scalars.toMillis(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Scalars.toMillis(1e20));
    }
}
