package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ResourcesJsonParsingTest {

    @Test
    void jsonArrayGivesTheSameResourcesAsTheTextForm() throws ResourceParseException {
        String json = """
                [
                  {"name": "cpus", "type": "SCALAR", "scalar": {"value": 2}},
                  {"name": "mem", "type": "SCALAR", "scalar": {"value": 1024}, "role": "*"},
                  {"name": "ports", "type": "RANGES",
                   "ranges": {"range": [{"begin": 31000, "end": 31500}, {"begin": 31501, "end": 32000}]}},
                  {"name": "gpus", "type": "SCALAR", "scalar": {"value": 1}, "role": "ml"},
                  {"name": "bugs", "type": "SET", "set": {"item": ["a", "b", "c"]}}
                ]""";

        assertEquals(Resources.parse("cpus:2;mem:1024;ports:[31000-32000];gpus(ml):1;bugs:{a,b,c}", "*"),
                Resources.parse(json, "*"));
    }

    @Test
    void preRefinementRoleBecomesAStaticReservation() throws ResourceParseException {
        Resources resources = Resources.parse("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":1},"
                + "\"role\":\"web\"}]", "*");

        assertEquals(List.of(ReservationInfo.newBuilder().setType(ReservationInfo.Type.STATIC).setRole("web").build()),
                resources.toList().get(0).getReservationsList());
    }

    @Test
    void postRefinementReservationsAreKept() throws ResourceParseException {
        Resources resources = Resources.parse("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":1},"
                + "\"reservations\":[{\"type\":\"STATIC\",\"role\":\"web\"}]}]", "*");

        assertEquals(Resources.parse("cpus(web):1", "*"), resources);
    }

    @Test
    void resourceWithoutRoleGetsTheDefaultRole() throws ResourceParseException {
        Resources resources =
                Resources.parse("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":1}}]", "web");

        assertEquals(Resources.parse("cpus(web):1", "*"), resources);
    }

    @Test
    void leadingWhitespaceBeforeTheArrayIsAllowedAndEmptyArrayIsNoResources() throws ResourceParseException {
        assertTrue(Resources.parse("  [ ]  ", "*").isEmpty());
    }

    @Test
    void sameNameInTwoElementsAddsUp() throws ResourceParseException {
        Resources resources = Resources.parse("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.1}},"
                + "{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":0.2}}]", "*");

        assertEquals(0.3, resources.scalar("cpus"));
        assertEquals(1, resources.toList().size());
    }

    /** One case per line: json | message. */
    private static final String BAD_JSON = """
            [1]                                                                                                    | Invalid resource at index 0 of the JSON array: expected a resource object, found 1
            [{}]                                                                                                   | Invalid resource at index 0 of the JSON array: missing required field(s) name, type
            [{"name":"cpus","type":"SCALAR"}]                                                                      | Invalid resource 'cpus:?' at index 0: a SCALAR resource must carry a 'scalar' value and no other
            [{"name":"cpus","type":"SCALAR","scalar":{"value":-2}}]                                                | Invalid resource 'cpus:-2' at index 0: the scalar value must not be negative
            [{"name":"cpus","type":"TEXT","text":{"value":"x"}}]                                                   | Invalid resource 'cpus:?' at index 0: TEXT values are only allowed for attributes, not for resources
            [{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":1,"end":5},{"begin":3,"end":8}]}}]        | Invalid resource 'ports:[1-5, 3-8]' at index 0: ranges 1-5 and 3-8 overlap
            [{"name":"ports","type":"RANGES","ranges":{"range":[{"begin":9,"end":5}]}}]                            | Invalid resource 'ports:[9-5]' at index 0: range 9-5 has its begin after its end
            [{"name":"bugs","type":"SET","set":{"item":["a","a"]}}]                                                | Invalid resource 'bugs:{a, a}' at index 0: the set item 'a' is given more than once
            [{"name":"cpus","type":"SCALAR","scalar":{"value":1},"role":"a b"}]                                    | Invalid resource 'cpus(a b):1' at index 0: role 'a b' is invalid: component 'a b' contains whitespace or a DEL character
            [{"name":"cpus","type":"SCALAR","scalar":{"value":1},"reservations":[{"type":"STATIC","role":"*"}]}]   | Invalid resource 'cpus(reservations: [(STATIC,*)]):1' at index 0: role '*' cannot be reserved
            [{"name":"cpus","type":"SCALAR","scalar":{"value":1},"disk":{}}]                                       | Invalid resource 'cpus[]:1' at index 0: disk information is only allowed on the 'disk' resource
            [{"name":"cpus","type":"SCALAR","scalar":{"value":1},"role":"r","reservation":{"principal":"p"}}]      | Invalid resource 'cpus(reservations: [(DYNAMIC,r,p)]):1': dynamic reservations cannot be given on the command line
            [{"name":"cpus","type":"SCALAR","scalar":{"value":1},"revocable":{}}]                                  | Invalid resource 'cpus{REV}:1': revocable resources cannot be given on the command line
            [{"name":"disk","type":"SCALAR","scalar":{"value":1},"role":"r","disk":{"persistence":{"id":"v1"}}}]   | Invalid resource 'disk(reservations: [(STATIC,r)])[v1]:1': persistent volumes cannot be given on the command line
            [{"name":"foo","type":"SCALAR","scalar":{"value":1}},{"name":"foo","type":"SET","set":{"item":["a"]}}] | Invalid resources: 'foo' is given both as a scalar and as a set
            """;

    @TestFactory
    Stream<DynamicTest> rejectsBadJsonNamingTheElement() {
        return BAD_JSON.lines().map(line -> line.split(" +\\| +", 2))
                .map(row -> dynamicTest(row[0], () -> {
                    ResourceParseException e =
                            assertThrows(ResourceParseException.class, () -> Resources.parse(row[0], "*"));
                    assertEquals(row[1], e.getMessage());
                }));
    }

    @Test
    void syntaxErrorAfterTheArrayIsReportedWithItsPosition() {
        ResourceParseException e = assertThrows(ResourceParseException.class, () -> Resources.parse("[] x", "*"));

        assertTrue(e.getMessage().startsWith("Invalid resources JSON: Unrecognized token 'x'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("(line 1, column 4)"), e.getMessage());
    }

    @Test
    void malformedElementReportsTheCodecProblemWithItsIndex() {
        ResourceParseException e = assertThrows(ResourceParseException.class,
                () -> Resources.parse("[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":1}},"
                        + " {\"name\":", "*"));

        assertTrue(e.getMessage().startsWith("Invalid resource at index 1 of the JSON array: "), e.getMessage());
    }
}
