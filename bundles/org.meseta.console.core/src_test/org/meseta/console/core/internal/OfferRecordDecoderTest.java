package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.meseta.console.core.ClusterEvents;
import org.meseta.console.core.model.Amounts;
import org.meseta.console.core.model.OfferEvent;
import org.meseta.console.core.model.RoleQuota;
import org.meseta.console.core.model.RoleView;

/** The offer stream's records in the shapes docs/api-compatibility.md gives them. */
class OfferRecordDecoderTest {

    private static final String ROLES = "[{\"name\":\"web\",\"weight\":2.0,\"share\":0.25,"
            + "\"frameworks\":[{\"value\":\"F1\"}],"
            + "\"allocated\":[{\"name\":\"cpus\",\"type\":\"SCALAR\",\"scalar\":{\"value\":1.5}}],"
            + "\"offered\":[{\"name\":\"mem\",\"type\":\"SCALAR\",\"scalar\":{\"value\":64}}],"
            + "\"reserved\":[{\"name\":\"ports\",\"type\":\"RANGES\","
            + "\"ranges\":{\"range\":[{\"begin\":1,\"end\":10}]}}],"
            + "\"quota\":{\"guarantee\":{\"cpus\":1},\"limit\":{\"cpus\":4,\"mem\":512.5},"
            + "\"consumed\":{\"cpus\":1.5},\"future\":{\"x\":1}}}]";
    private static final RoleView WEB = new RoleView("web", 2, 0.25, List.of("F1"), new Amounts(1.5, 0, 0, 0),
            new Amounts(0, 64, 0, 0), new Amounts(0, 0, 0, 10), new RoleQuota(Map.of("cpus", 1.0),
                    Map.of("cpus", 4.0, "mem", 512.5), Map.of("cpus", 1.5)));

    @Test
    void subscribedCarriesTheOutstandingOffersAndTheRoles() throws Exception {
        String offer = ClusterEvents.json(ClusterEvents.offer("O1", "F1", "S0", "web", 1, 32));

        OfferRecord record = decode("{\"type\":\"SUBSCRIBED\",\"subscribed\":{\"offers\":[" + offer + "],\"roles\":"
                + ROLES + ",\"heartbeat_interval_seconds\":15}}");

        OfferRecord.Subscribed subscribed = assertInstanceOf(OfferRecord.Subscribed.class, record);
        assertEquals(List.of(ClusterEvents.offer("O1", "F1", "S0", "web", 1, 32)), subscribed.offers());
        assertEquals(List.of(WEB), subscribed.roles());
    }

    @Test
    void offerCreatedCarriesTheOffer() throws Exception {
        String offer = ClusterEvents.json(ClusterEvents.offer("O2", "F1", "S1", "*", 2, 64));

        OfferRecord record = decode("{\"type\":\"OFFER_CREATED\",\"offer_created\":{\"offer\":" + offer + "}}");

        assertEquals(new OfferRecord.Created(ClusterEvents.offer("O2", "F1", "S1", "*", 2, 64)), record);
    }

    @Test
    void eachEndOfAnOfferIsReadWithItsIdsAndADeclinesRefusal() throws Exception {
        String ids = "\"offer_id\":{\"value\":\"O3\"},\"framework_id\":{\"value\":\"F1\"},"
                + "\"agent_id\":{\"value\":\"S0\"},\"role\":\"web\"";

        assertEquals(new OfferRecord.Ended(OfferEvent.Kind.DECLINED, "O3", "F1", "S0", "web", OptionalDouble.of(5)),
                decode("{\"type\":\"OFFER_DECLINED\",\"offer_declined\":{" + ids
                        + ",\"filters\":{\"refuse_seconds\":5.0}}}"));
        for (OfferEvent.Kind kind : List.of(OfferEvent.Kind.ACCEPTED, OfferEvent.Kind.RESCINDED,
                OfferEvent.Kind.TIMED_OUT)) {
            String type = "OFFER_" + kind.name();
            assertEquals(new OfferRecord.Ended(kind, "O3", "F1", "S0", "web", OptionalDouble.empty()),
                    decode("{\"type\":\"" + type + "\",\"" + type.toLowerCase(Locale.ROOT) + "\":{" + ids + "}}"),
                    type);
        }
    }

    @Test
    void rolesAndHeartbeatsAreRecognisedWhateverTheFieldOrder() throws Exception {
        assertEquals(new OfferRecord.Roles(List.of(WEB)), decode("{\"roles\":{\"roles\":" + ROLES
                + ",\"unknown\":[1,{\"a\":2}]},\"type\":\"ROLES\"}"));
        assertEquals(new OfferRecord.Heartbeat(), decode("{\"type\":\"HEARTBEAT\"}"));
    }

    @Test
    void brokenRecordsAreRefusedWithAReason() {
        MalformedRecordException truncated = assertThrows(MalformedRecordException.class,
                () -> decode("{\"type\":\"ROLES\",\"roles\":{\"roles\":["));
        assertTrue(truncated.getMessage().startsWith("malformed offer stream record: "), truncated.getMessage());
        MalformedRecordException unknown = assertThrows(MalformedRecordException.class,
                () -> decode("{\"type\":\"SOMETHING\"}"));
        assertEquals("offer stream record of unknown type SOMETHING", unknown.getMessage());
        MalformedRecordException noId = assertThrows(MalformedRecordException.class,
                () -> decode("{\"type\":\"OFFER_ACCEPTED\",\"offer_accepted\":{\"role\":\"*\"}}"));
        assertEquals("OFFER_ACCEPTED without an offer_id", noId.getMessage());
    }

    private static OfferRecord decode(String json) throws MalformedRecordException {
        return OfferRecordDecoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }
}
