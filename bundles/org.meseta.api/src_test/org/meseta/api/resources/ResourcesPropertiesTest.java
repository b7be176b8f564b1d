package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants of resource arithmetic over many random collections (fixed seed, so failures reproduce). The two
 * sides of each pair draw ranges and set items from disjoint pools, because for overlapping ranges or items
 * {@code (a + b) - b} is smaller than {@code a} by design (ranges and sets are sets).
 */
class ResourcesPropertiesTest {
    private static final int ROUNDS = 2_000;
    private static final String[] ROLES = {"*", "web", "db", "eng/ml"};

    private final Random random = new Random(20240611L);

    /** @param side 0 or 1: which disjoint pool of port numbers and set items to draw from */
    private Resources randomResources(int side) {
        List<String> tokens = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            String role = ROLES[random.nextInt(ROLES.length)];
            switch (random.nextInt(4)) {
                case 0 -> tokens.add("cpus(" + role + "):" + random.nextInt(8000) / 1000.0);
                case 1 -> tokens.add("mem(" + role + "):" + random.nextInt(100_000) / 10.0);
                case 2 -> {
                    // Blocks of 100 ports; side 0 uses even blocks, side 1 odd ones.
                    long begin = (2L * random.nextInt(50) + side) * 100 + random.nextInt(50);
                    tokens.add("ports(" + role + "):[" + begin + "-" + (begin + random.nextInt(50)) + "]");
                }
                default -> tokens.add("bugs(" + role + "):{s" + side + "x" + random.nextInt(5) + "}");
            }
        }
        try {
            return Resources.parse(String.join(";", tokens), "*");
        } catch (ResourceParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sumContainsBothSummands() {
        for (int i = 0; i < ROUNDS; i++) {
            Resources a = randomResources(0);
            Resources b = randomResources(random.nextInt(2));
            Resources sum = a.plus(b);

            assertTrue(sum.contains(a), () -> sum + " should contain " + a);
            assertTrue(sum.contains(b), () -> sum + " should contain " + b);
        }
    }

    @Test
    void subtractingWhatWasAddedGivesBackTheOriginal() {
        for (int i = 0; i < ROUNDS; i++) {
            Resources a = randomResources(0);
            Resources b = randomResources(1);

            assertEquals(a, a.plus(b).minus(b), () -> "(" + a + ") + (" + b + ") - (" + b + ")");
        }
    }

    @Test
    void additionIsCommutativeAndAssociative() {
        for (int i = 0; i < ROUNDS; i++) {
            Resources a = randomResources(0);
            Resources b = randomResources(random.nextInt(2));
            Resources c = randomResources(random.nextInt(2));

            assertEquals(a.plus(b), b.plus(a));
            assertEquals(a.plus(b).plus(c), a.plus(b.plus(c)));
        }
    }

    @Test
    void differenceIsContainedAndAddingBackCoversTheOriginal() {
        for (int i = 0; i < ROUNDS; i++) {
            Resources a = randomResources(0);
            Resources b = randomResources(random.nextInt(2));
            Resources difference = a.minus(b);

            assertTrue(a.contains(difference));
            assertTrue(difference.plus(b).contains(a));
            assertTrue(a.minus(a).isEmpty());
            assertTrue(a.contains(a));
        }
    }

    @Test
    void scalarTotalsAreExactlyAdditive() {
        for (int i = 0; i < ROUNDS; i++) {
            Resources a = randomResources(0);
            Resources b = randomResources(1);

            assertEquals(Scalars.toMillis(a.scalar("cpus")) + Scalars.toMillis(b.scalar("cpus")),
                    Scalars.toMillis(a.plus(b).scalar("cpus")));
        }
    }
}
