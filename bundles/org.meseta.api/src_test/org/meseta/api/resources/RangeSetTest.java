package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.Random;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class RangeSetTest {

    private static RangeSet ranges(long... bounds) {
        Value.Ranges.Builder builder = Value.Ranges.newBuilder();
        for (int i = 0; i < bounds.length; i += 2) {
            builder.addRangeBuilder().setBegin(bounds[i]).setEnd(bounds[i + 1]);
        }
        return RangeSet.of(builder.build());
    }

    @Test
    void coalescesOverlappingAdjacentAndUnorderedRanges() {
        assertEquals("[1-4]", ranges(3, 4, 1, 2).toString());
        assertEquals("[1-10, 20-30]", ranges(20, 30, 5, 10, 1, 6).toString());
        assertEquals("[1-2, 4-5]", ranges(4, 5, 1, 2).toString());
        assertEquals("[]", RangeSet.empty().toString());
    }

    @Test
    void subtractionSplitsTrimsAndRemoves() {
        assertEquals("[1-4, 8-10]", RangeSet.of(1, 10).minus(RangeSet.of(5, 7)).toString());
        assertEquals("[6-10]", RangeSet.of(1, 10).minus(RangeSet.of(0, 5)).toString());
        assertEquals("[1-4]", RangeSet.of(1, 10).minus(RangeSet.of(5, 50)).toString());
        assertTrue(RangeSet.of(1, 10).minus(RangeSet.of(1, 10)).isEmpty());
        assertEquals("[1-1, 3-3, 5-5]", RangeSet.of(1, 5).minus(ranges(2, 2, 4, 4)).toString());
        assertEquals("[1-1, 10-12]", ranges(1, 5, 8, 12).minus(RangeSet.of(2, 9)).toString());
    }

    @Test
    void containmentIsSubsetOfNumbers() {
        RangeSet set = ranges(1, 10, 20, 30);

        assertTrue(set.contains(ranges(2, 3, 25, 30)));
        assertTrue(set.contains(RangeSet.empty()));
        assertFalse(set.contains(RangeSet.of(9, 20)), "the gap 11-19 is not in the set");
        assertTrue(set.contains(25));
        assertFalse(set.contains(15));
    }

    @Test
    void sizeCountsNumbers() {
        assertEquals(11 + 3, ranges(0, 10, 20, 22).size());
        assertEquals(Long.MAX_VALUE, RangeSet.of(0, Long.MAX_VALUE).size());
    }

    @Test
    void largestBoundsDoNotOverflow() {
        RangeSet top = RangeSet.of(Long.MAX_VALUE - 1, Long.MAX_VALUE);

        assertEquals("[0-0, 9223372036854775806-9223372036854775807]", top.plus(RangeSet.of(0, 0)).toString());
        assertEquals("[9223372036854775806-9223372036854775806]",
                top.minus(RangeSet.of(Long.MAX_VALUE, Long.MAX_VALUE)).toString());
    }

    @Test
    void rejectsInvertedAndNegativeRanges() {
        assertEquals("Range 5-1 has its begin after its end",
                assertThrows(IllegalArgumentException.class, () -> RangeSet.of(5, 1)).getMessage());
        assertEquals("Range 18446744073709551615-3 is out of bounds: numbers must be between 0 and 9223372036854775807",
                assertThrows(IllegalArgumentException.class, () -> ranges(-1, 3)).getMessage());
    }

    @Test
    void agreesWithABitSetModelOnRandomOperations() {
        Random random = new Random(7);
        for (int round = 0; round < 1_000; round++) {
            BitSet modelA = new BitSet();
            BitSet modelB = new BitSet();
            RangeSet a = randomSet(random, modelA);
            RangeSet b = randomSet(random, modelB);

            BitSet union = (BitSet) modelA.clone();
            union.or(modelB);
            BitSet difference = (BitSet) modelA.clone();
            difference.andNot(modelB);
            BitSet outside = (BitSet) modelB.clone();
            outside.andNot(modelA);

            assertEquals(toRangeSet(union), a.plus(b));
            assertEquals(toRangeSet(difference), a.minus(b));
            assertEquals(outside.isEmpty(), a.contains(b));
        }
    }

    private static RangeSet randomSet(Random random, BitSet model) {
        RangeSet set = RangeSet.empty();
        for (int i = random.nextInt(4); i > 0; i--) {
            int begin = random.nextInt(60);
            int end = begin + random.nextInt(10);
            model.set(begin, end + 1);
            set = set.plus(RangeSet.of(begin, end));
        }
        return set;
    }

    private static RangeSet toRangeSet(BitSet bits) {
        RangeSet set = RangeSet.empty();
        for (int begin = bits.nextSetBit(0); begin >= 0; begin = bits.nextSetBit(bits.nextClearBit(begin))) {
            set = set.plus(RangeSet.of(begin, bits.nextClearBit(begin) - 1));
        }
        return set;
    }
}
