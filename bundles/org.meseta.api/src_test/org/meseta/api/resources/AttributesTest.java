package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class AttributesTest {

    private static Attribute text(String name, String value) {
        return Attribute.newBuilder().setName(name).setType(Value.Type.TEXT)
                .setText(Value.Text.newBuilder().setValue(value)).build();
    }

    private static Attribute scalar(String name, double value) {
        return Attribute.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
    }

    @Test
    void numbersAreScalarsBracketsAreRangesTheRestIsText() throws ResourceParseException {
        List<Attribute> attributes = Attributes.parse("rack:r1;zone:a;level:3;weight:-0.5;slots:[1-4, 8-9]");

        assertEquals(List.of(
                text("rack", "r1"),
                text("zone", "a"),
                scalar("level", 3),
                scalar("weight", -0.5),
                Attribute.newBuilder().setName("slots").setType(Value.Type.RANGES)
                        .setRanges(RangeSet.of(1, 4).plus(RangeSet.of(8, 9)).toProto()).build()),
                attributes);
    }

    @Test
    void onlyTheFirstColonSeparatesNameAndValue() throws ResourceParseException {
        assertEquals(List.of(text("endpoint", "host:8080")), Attributes.parse("endpoint:host:8080"));
    }

    @Test
    void newlinesSeparateLikeSemicolonsAndWhitespaceIsIgnored() throws ResourceParseException {
        assertEquals(List.of(text("rack", "r1"), text("os", "linux")), Attributes.parse(" rack : r 1 \n os:linux ;"));
    }

    @Test
    void emptyTextHasNoAttributes() throws ResourceParseException {
        assertTrue(Attributes.parse("").isEmpty());
    }

    @Test
    void aNameMayRepeatAsInMesos() throws ResourceParseException {
        assertEquals(List.of(text("tag", "a"), text("tag", "b")), Attributes.parse("tag:a;tag:b"));
    }

    @Test
    void toTextIsMesosTextFormWithScalarsInFullAndCompactRanges() throws ResourceParseException {
        assertEquals("rack:r1;cores:8;weight:-0.5;ports:[1-10,20-30]",
                Attributes.toText(Attributes.parse("rack:r1;cores:8.0;weight:-0.50;ports:[1-10, 20-30]")));
        assertEquals("", Attributes.toText(List.of()));
    }

    @Test
    void toTextDoesNotRoundScalarsAsResourcesAre() {
        assertEquals("ratio:0.1234;big:100000000000000000000",
                Attributes.toText(List.of(scalar("ratio", 0.1234), scalar("big", 1e20))));
    }

    @Test
    void toTextWritesSetsFromTheWireCompactly() {
        Attribute set = Attribute.newBuilder().setName("zones").setType(Value.Type.SET)
                .setSet(Value.Set.newBuilder().addItem("a").addItem("b")).build();

        assertEquals("zones:{a,b}", Attributes.toText(List.of(set)));
    }

    @TestFactory
    Stream<DynamicTest> parsingTheTextGivesTheSameAttributes() {
        return Stream.of("rack:r1", "rack:r1;zone:a;level:3", "weight:-0.5;tiny:0.001;huge:12345678901234",
                "slots:[1-4,8-9];ports:[0-0,9223372036854775807-9223372036854775807]", "endpoint:host:8080",
                "tag:a;tag:b", "r : r 1 \n os:linux").map(text -> dynamicTest(text, () -> {
                    List<Attribute> attributes = Attributes.parse(text);

                    assertEquals(attributes, Attributes.parse(Attributes.toText(attributes)));
                }));
    }

    /** One case per line: text | message. */
    private static final String BAD_PAIRS = """
            rack        | Invalid attribute 'rack': expected name:value, e.g. rack:r1, but there is no ':'
            :r1         | Invalid attribute ':r1': the attribute name is missing
            rack:       | Invalid attribute 'rack:': the value is missing
            tags:{a,b}  | Invalid attribute 'tags:{a,b}': sets are not allowed for attributes; use text, a number or ranges
            slots:[1-4  | Invalid attribute 'slots:[1-4': unbalanced brackets in '[1-4'
            slots:[4-1] | Invalid attribute 'slots:[4-1]': the range '4-1' has its begin after its end
            rack:r[1]   | Invalid attribute 'rack:r[1]': unexpected '[' in 'r[1]'
            a:1;b       | Invalid attribute 'b': expected name:value, e.g. rack:r1, but there is no ':'
            """;

    @TestFactory
    Stream<DynamicTest> rejectsBadPairsNamingThem() {
        return BAD_PAIRS.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    ResourceParseException e =
                            assertThrows(ResourceParseException.class, () -> Attributes.parse(row[0]));
                    assertEquals(row[1], e.getMessage());
                }));
    }
}
