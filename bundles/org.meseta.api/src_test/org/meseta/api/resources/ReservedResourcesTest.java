package org.meseta.api.resources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.meseta.testing.JsonTree.assertSameJson;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Resource.ReservationInfo;
import org.apache.mesos.v1.Protos.Value;
import org.meseta.api.json.JsonCodec;
import org.junit.jupiter.api.Test;

/** Reserved and unreserved parts of a collection, and the resource fields of an agent in the legacy endpoints. */
class ReservedResourcesTest {

    private static Resources parse(String text) throws ResourceParseException {
        return Resources.parse(text, "*");
    }

    private static String fields(Resources total) {
        return new String(JsonCodec.document(generator -> {
            generator.writeStartObject();
            LegacyResourceFields.write(generator, total);
            generator.writeEndObject();
        }), StandardCharsets.UTF_8);
    }

    private static Resource cpus(double value, ReservationInfo... reservations) {
        return Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value)).addAllReservations(List.of(reservations))
                .build();
    }

    private static ReservationInfo reservation(ReservationInfo.Type type, String role) {
        return ReservationInfo.newBuilder().setType(type).setRole(role).build();
    }

    @Test
    void reservedResourcesAreGroupedByRoleInTheOrderRolesFirstAppear() throws ResourceParseException {
        Resources total = parse("cpus:1;gpus(ml):1;cpus(eng):2;mem(ml):512;mem:256");

        Map<String, Resources> reserved = total.reservedByRole();

        assertEquals(List.of("ml", "eng"), List.copyOf(reserved.keySet()));
        assertEquals(parse("gpus(ml):1;mem(ml):512"), reserved.get("ml"));
        assertEquals(parse("cpus(eng):2"), reserved.get("eng"));
        assertEquals(parse("cpus:1;mem:256"), total.unreserved());
    }

    @Test
    void aRefinedReservationCountsForItsMostRefinedRole() throws ResourceParseException {
        Resources total = Resources.of(List.of(cpus(1, reservation(ReservationInfo.Type.STATIC, "eng")),
                cpus(2, reservation(ReservationInfo.Type.STATIC, "eng"),
                        reservation(ReservationInfo.Type.DYNAMIC, "eng/web"))));

        Map<String, Resources> reserved = total.reservedByRole();

        assertEquals(List.of("eng", "eng/web"), List.copyOf(reserved.keySet()));
        assertEquals(1, reserved.get("eng").scalar("cpus"));
        assertEquals(2, reserved.get("eng/web").scalar("cpus"));
        assertEquals(Resources.empty(), total.unreserved());
    }

    @Test
    void nothingReservedGivesAnEmptyMapAndEverythingUnreserved() throws ResourceParseException {
        Resources total = parse("cpus:2;ports:[31000-32000]");

        assertEquals(Map.of(), total.reservedByRole());
        assertEquals(total, total.unreserved());
        assertThrows(UnsupportedOperationException.class, () -> total.reservedByRole().put("x", total));
    }

    @Test
    void legacyFieldsListReservationsByRoleAsMesosWritesThem() throws ResourceParseException {
        Resources total = parse("cpus:1;mem:512;gpus(ml):1;cpus(eng):2");

        assertSameJson("""
                {"resources":{"cpus":3.0,"gpus":1.0,"mem":512.0,"disk":0.0},
                 "reserved_resources":{
                   "ml":{"cpus":0.0,"gpus":1.0,"mem":0.0,"disk":0.0},
                   "eng":{"cpus":2.0,"gpus":0.0,"mem":0.0,"disk":0.0}},
                 "unreserved_resources":{"cpus":1.0,"gpus":0.0,"mem":512.0,"disk":0.0},
                 "reserved_resources_full":{
                   "ml":[{"name":"gpus","type":"SCALAR","scalar":{"value":1.0},"role":"ml",
                          "reservations":[{"type":"STATIC","role":"ml"}]}],
                   "eng":[{"name":"cpus","type":"SCALAR","scalar":{"value":2.0},"role":"eng",
                           "reservations":[{"type":"STATIC","role":"eng"}]}]}}
                """, fields(total));
    }

    @Test
    void withoutReservationsTheReservedFieldsAreEmptyObjects() throws ResourceParseException {
        assertSameJson("""
                {"resources":{"cpus":2.0,"gpus":0.0,"mem":0.0,"disk":0.0,"ports":"[31000-32000]"},
                 "reserved_resources":{},
                 "unreserved_resources":{"cpus":2.0,"gpus":0.0,"mem":0.0,"disk":0.0,"ports":"[31000-32000]"},
                 "reserved_resources_full":{}}
                """, fields(parse("cpus:2;ports:[31000-32000]")));
    }

    @Test
    void aDynamicReservationAlsoCarriesTheDeprecatedReservationFieldAndRefinementsDoNot() throws Exception {
        ReservationInfo dynamic = ReservationInfo.newBuilder().setType(ReservationInfo.Type.DYNAMIC).setRole("db")
                .setPrincipal("alice")
                .setLabels(Labels.newBuilder().addLabels(Label.newBuilder().setKey("k").setValue("v"))).build();
        Resources total = Resources.of(List.of(cpus(1, dynamic), cpus(2, reservation(ReservationInfo.Type.STATIC,
                "eng"), reservation(ReservationInfo.Type.DYNAMIC, "eng/web"))));

        assertSameJson("""
                {"db":[{"name":"cpus","type":"SCALAR","scalar":{"value":1.0},"role":"db",
                        "reservation":{"principal":"alice","labels":{"labels":[{"key":"k","value":"v"}]}},
                        "reservations":[{"type":"DYNAMIC","role":"db","principal":"alice",
                                         "labels":{"labels":[{"key":"k","value":"v"}]}}]}],
                 "eng/web":[{"name":"cpus","type":"SCALAR","scalar":{"value":2.0},
                             "reservations":[{"type":"STATIC","role":"eng"},{"type":"DYNAMIC","role":"eng/web"}]}]}
                """, fullField(total));
    }

    @Test
    void theFullResourcesAreValidResourcesAgain() throws Exception {
        Resources total = parse("gpus(ml):1;cpus(eng):2;cpus:4");
        List<Resource> full = new ArrayList<>();
        for (Resources reserved : total.reservedByRole().values()) {
            for (Resource resource : reserved) {
                full.add(Reservations.toEndpointFormat(resource));
            }
        }

        assertEquals(total.minus(total.unreserved()), Resources.of(full));
    }

    private static String fullField(Resources total) {
        String json = fields(total);
        int start = json.indexOf("\"reserved_resources_full\":") + "\"reserved_resources_full\":".length();
        return json.substring(start, json.length() - 1);
    }
}
