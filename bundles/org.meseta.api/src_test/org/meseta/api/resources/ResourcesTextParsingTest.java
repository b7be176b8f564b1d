package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ResourcesTextParsingTest {

    private static Resources parse(String text) throws ResourceParseException {
        return Resources.parse(text, "*");
    }

    @Test
    void parsesEveryValueKindOfTheAgentExample() throws ResourceParseException {
        Resources resources = parse("cpus:2;mem:1024;disk:4096;ports:[31000-32000];gpus(ml):1;bugs:{a,b,c}");

        List<Resource> list = resources.toList();
        assertEquals(6, list.size());
        assertEquals(2.0, resources.scalar("cpus"));
        assertEquals(1024.0, resources.scalar("mem"));
        assertEquals(4096.0, resources.scalar("disk"));
        assertEquals(1.0, resources.scalar("gpus"));
        assertEquals("[31000-32000]", RangeSet.of(resources.ranges("ports").orElseThrow()).toString());
        Resource bugs = list.get(5);
        assertEquals(Value.Type.SET, bugs.getType());
        assertEquals(List.of("a", "b", "c"), bugs.getSet().getItemList());
    }

    @Test
    void parseListKeepsEachResourceAsGivenIncludingZeros() throws ResourceParseException {
        List<Resource> list = Resources.parseList("cpus:0;mem:1;mem:2;gpus(ml):1", "*");

        assertEquals(List.of("cpus", "mem", "mem", "gpus"), list.stream().map(Resource::getName).toList());
        assertEquals(0.0, list.get(0).getScalar().getValue());
        assertEquals(parse("mem:3;gpus(ml):1"), Resources.of(list));
        assertEquals(parse("cpus:0;mem:1;mem:2;gpus(ml):1"), Resources.of(list));
    }

    @Test
    void parseListRefusesWhatParseRefuses() {
        for (String text : List.of("cpus:lots", "cpus:1;cpus:[1-2]", "mem:-1")) {
            ResourceParseException expected = assertThrows(ResourceParseException.class, () -> parse(text));
            ResourceParseException actual = assertThrows(ResourceParseException.class,
                    () -> Resources.parseList(text, "*"));
            assertEquals(expected.getMessage(), actual.getMessage(), text);
        }
    }

    @Test
    void unreservedResourcesCarryNoRoleAndNoReservation() throws ResourceParseException {
        Resource cpus = parse("cpus:2").toList().get(0);

        assertEquals(Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(2)).build(), cpus);
    }

    @Test
    void roleInParenthesesIsAStaticReservationInPostRefinementFormat() throws ResourceParseException {
        Resource gpus = parse("gpus(ml):1").toList().get(0);

        assertEquals(List.of(ReservationInfo.newBuilder().setType(ReservationInfo.Type.STATIC).setRole("ml").build()),
                gpus.getReservationsList());
        assertEquals("gpus(reservations: [(STATIC,ml)]):1", parse("gpus(ml):1").toString());
    }

    @Test
    void defaultRoleAppliesToResourcesWithoutARole() throws ResourceParseException {
        Resources resources = Resources.parse("cpus:1;mem(*):10", "eng/web");

        assertEquals("cpus(reservations: [(STATIC,eng/web)]):1; mem:10", resources.toString());
    }

    @Test
    void explicitStarRoleMeansUnreserved() throws ResourceParseException {
        assertEquals(parse("cpus:1"), parse("cpus(*):1"));
    }

    @Test
    void sameNameGivenTwiceAddsUp() throws ResourceParseException {
        Resources resources = parse("cpus:1;cpus:1.5;ports:[1-10];ports:[11-20];bugs:{a};bugs:{b}");

        assertEquals("cpus:2.5; ports:[1-20]; bugs:{a, b}", resources.toString());
    }

    @Test
    void sameNameWithDifferentRolesStaysSeparate() throws ResourceParseException {
        Resources resources = parse("cpus:1;cpus(web):2");

        assertEquals(2, resources.toList().size());
        assertEquals(3.0, resources.scalar("cpus"));
    }

    @Test
    void whitespaceAroundTokensAndEmptyTokensAreIgnored() throws ResourceParseException {
        assertEquals(parse("cpus:2;ports:[1-2,5-6];gpus(ml):1"),
                parse("  cpus : 2 ;; ports: [ 1-2 , 5-6 ] ; gpus ( ml ) : 1 ; "));
    }

    @Test
    void emptyTextIsNoResources() throws ResourceParseException {
        assertTrue(parse("").isEmpty());
        assertTrue(parse(" ; ").isEmpty());
    }

    @Test
    void zeroAndEmptyValuesVanish() throws ResourceParseException {
        assertTrue(parse("cpus:0;ports:[];bugs:{}").isEmpty());
    }

    @Test
    void overlappingAndAdjacentRangesInTextAreMergedAsMesosDoes() throws ResourceParseException {
        assertEquals(Optional.of(RangeSet.of(1, 8).toProto()), parse("ports:[1-5,3-8]").ranges("ports"));
        assertEquals(Optional.of(RangeSet.of(1, 4).toProto()), parse("ports:[3-4,1-2]").ranges("ports"));
    }

    @Test
    void scalarsAreRoundedToThousandths() throws ResourceParseException {
        assertEquals(1.512, parse("cpus:1.5123").scalar("cpus"));
        assertEquals(0.001, parse("cpus:0.0005").scalar("cpus"));
        assertEquals(1000.0, parse("mem:1e3").scalar("mem"));
    }

    @Test
    void invalidDefaultRoleIsRejected() {
        ResourceParseException e = assertThrows(ResourceParseException.class, () -> Resources.parse("cpus:1", ""));
        assertEquals("Invalid default role '': role names cannot be empty", e.getMessage());
    }

    /** One case per line: text | message. */
    private static final String BAD_TEXT = """
            cpus:abc                       | Invalid resource 'cpus:abc': 'abc' is not a number
            cpus                           | Invalid resource 'cpus': expected name:value, e.g. cpus:2, but there is no ':'
            cpus:1:2                       | Invalid resource 'cpus:1:2': expected name:value, e.g. cpus:2, but there is more than one ':'
            :2                             | Invalid resource ':2': the resource name is missing
            cpus:                          | Invalid resource 'cpus:': the value is missing
            cpus:-1                        | Invalid resource 'cpus:-1': the scalar value must not be negative
            cpus:0.0004                    | Invalid resource 'cpus:0.0004': the scalar value 0.0004 is below the resolution of 0.001
            cpus:1e999                     | Invalid resource 'cpus:1e999': '1e999' is too large
            mem:1e20                       | Invalid resource 'mem:1e20': the scalar value 100000000000000000000 is too large (at most 9007199254740.992)
            cpus:inf                       | Invalid resource 'cpus:inf': 'inf' is not a number
            ports:[5-1]                    | Invalid resource 'ports:[5-1]': the range '5-1' has its begin after its end
            ports:[a-10]                   | Invalid resource 'ports:[a-10]': 'a' is not a non-negative integer
            ports:[-1-10]                  | Invalid resource 'ports:[-1-10]': '-1-10' is not a range: expected begin-end, e.g. 31000-32000
            ports:[5]                      | Invalid resource 'ports:[5]': '5' is not a range: expected begin-end, e.g. 31000-32000
            ports:[1-2                     | Invalid resource 'ports:[1-2': unbalanced brackets in '[1-2'
            ports:1-2]                     | Invalid resource 'ports:1-2]': unbalanced brackets in '1-2]'
            ports:[1-2]]                   | Invalid resource 'ports:[1-2]]': unbalanced brackets in '[1-2]]'
            ports:[1-2][3-4]               | Invalid resource 'ports:[1-2][3-4]': '[1-2][3-4]' is malformed: expected a single [...]
            ports:[99999999999999999999-1] | Invalid resource 'ports:[99999999999999999999-1]': '99999999999999999999' is too large (at most 9223372036854775807)
            bugs:{a}b                      | Invalid resource 'bugs:{a}b': '{a}b' is malformed: expected a single {...}
            bugs:{a,a}                     | Invalid resource 'bugs:{a,a}': the set item 'a' is given more than once
            cpus:1[2]                      | Invalid resource 'cpus:1[2]': unexpected '[' in '1[2]'
            cpus:[1-2]                     | Invalid resource 'cpus:[1-2]': 'cpus' must be a scalar (e.g. cpus:2), not ranges
            mem:{a}                        | Invalid resource 'mem:{a}': 'mem' must be a scalar (e.g. mem:2), not a set
            ports:3                        | Invalid resource 'ports:3': 'ports' must be ranges (e.g. ports:[31000-32000]), not a scalar
            cpus(r:1                       | Invalid resource 'cpus(r:1': mismatched parentheses around the role
            cpus)r(:1                      | Invalid resource 'cpus)r(:1': mismatched parentheses around the role
            cpus(r)x:1                     | Invalid resource 'cpus(r)x:1': unexpected text after the role: 'x'
            cpus():1                       | Invalid resource 'cpus():1': role names cannot be empty
            cpus(.):1                      | Invalid resource 'cpus(.):1': role '.' cannot include '.' as a component
            cpus(a/..):1                   | Invalid resource 'cpus(a/..):1': role 'a/..' cannot include '..' as a component
            cpus(-web):1                   | Invalid resource 'cpus(-web):1': role '-web' is invalid: component '-web' starts with a dash
            cpus(a b):1                    | Invalid resource 'cpus(a b):1': role 'a b' is invalid: component 'a b' contains whitespace or a DEL character
            cpus(/a):1                     | Invalid resource 'cpus(/a):1': role '/a' cannot start with a slash
            cpus(a/):1                     | Invalid resource 'cpus(a/):1': role 'a/' cannot end with a slash
            cpus(a//b):1                   | Invalid resource 'cpus(a//b):1': role 'a//b' cannot contain two adjacent slashes
            cpu s:1                        | Invalid resource 'cpu s:1': the resource name 'cpu s' contains the character ' '
            (r):1                          | Invalid resource '(r):1': the resource name is missing
            cpus:1;mem:x                   | Invalid resource 'mem:x': 'x' is not a number
            foo:1;foo:{a}                  | Invalid resources: 'foo' is given both as a scalar and as a set
            """;

    @TestFactory
    Stream<DynamicTest> rejectsBadInputNamingTheToken() {
        return BAD_TEXT.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    ResourceParseException e = assertThrows(ResourceParseException.class, () -> parse(row[0]));
                    assertEquals(row[1], e.getMessage());
                }));
    }
}
