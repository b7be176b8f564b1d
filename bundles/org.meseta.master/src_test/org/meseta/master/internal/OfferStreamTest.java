package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/** Meseta's offer stream ({@code GET /api/v1/meseta/offers}): every offer's life and the role view, as it happens. */
class OfferStreamTest {

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins", "--allocation_interval=50ms",
                "--offer_timeout=1secs");
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private static String id(Map<String, Object> event, String field) {
        return JsonTree.string(JsonTree.object(event, field), "value");
    }

    private static void assertEnded(Map<String, Object> event, Offer offer) {
        assertEquals(offer.getId().getValue(), id(event, "offer_id"));
        assertEquals(offer.getFrameworkId().getValue(), id(event, "framework_id"));
        assertEquals(offer.getAgentId().getValue(), id(event, "agent_id"));
        assertEquals("*", JsonTree.string(event, "role"));
    }

    @Test
    void aSubscriberStartsFromTheOutstandingOffersAndTheRoles() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("early"));
        framework.subscribed();
        Offer offer = framework.offer();

        Map<String, Object> subscribed = master.offerStream().subscribed();

        List<Map<String, Object>> offers = JsonTree.objects(subscribed, "offers");
        assertEquals(1, offers.size(), () -> "offers " + offers);
        assertEquals(offer.getId().getValue(), id(offers.get(0), "id"));
        assertEquals(offer.getHostname(), JsonTree.string(offers.get(0), "hostname"));
        assertEquals("*", JsonTree.string(JsonTree.object(offers.get(0), "allocation_info"), "role"));
        Map<String, Object> role = JsonTree.objects(subscribed, "roles").get(0);
        assertEquals("*", JsonTree.string(role, "name"));
        // The agent's 2 cpus, 1024 mem and 4096 disk are all offered: each is the whole cluster's.
        assertEquals(0, BigDecimal.ONE.compareTo(JsonTree.number(role, "share")), () -> "role " + role);
        assertEquals(offer.getFrameworkId().getValue(), JsonTree.string(
                JsonTree.objects(role, "frameworks").get(0), "value"));
        assertEquals(BigDecimal.valueOf(15), JsonTree.number(subscribed, "heartbeat_interval_seconds"));
    }

    @Test
    void createdDeclinedWithItsFilterAndAccepted() throws Exception {
        OfferStreamSession stream = master.offerStream();
        assertEquals(List.of(), JsonTree.objects(stream.subscribed(), "offers"));
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("console"));
        framework.subscribed();
        Offer first = framework.offer();

        Map<String, Object> created = JsonTree.object(stream.next("OFFER_CREATED"), "offer");
        assertEquals(first.getId().getValue(), id(created, "id"));
        assertEquals(first.getResourcesCount(), JsonTree.objects(created, "resources").size());

        framework.accepted(Calls.decline(first, 0.2));
        Map<String, Object> declined = stream.next("OFFER_DECLINED");
        assertEnded(declined, first);
        assertEquals(0, new BigDecimal("0.2").compareTo(JsonTree.number(JsonTree.object(declined, "filters"),
                "refuse_seconds")));

        Offer second = framework.offer();
        assertEquals(second.getId().getValue(), id(JsonTree.object(stream.next("OFFER_CREATED"), "offer"), "id"));
        framework.accepted(Calls.launch(second, Calls.task("t1", second, "cpus:1;mem:64")));
        assertEnded(stream.next("OFFER_ACCEPTED"), second);
    }

    @Test
    void rescindedAndTimedOutOffersAreTold() throws Exception {
        OfferStreamSession stream = master.offerStream();
        stream.subscribed();
        LinkSession agent = master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("slow"));
        framework.subscribed();
        Offer first = framework.offer();
        stream.next("OFFER_CREATED");

        assertEnded(stream.next("OFFER_TIMED_OUT"), first);
        assertEquals(first.getId(), framework.next(Event.Type.RESCIND).getRescind().getOfferId());

        Offer again = framework.offer();
        stream.next("OFFER_CREATED");
        agent.close();
        assertEnded(stream.next("OFFER_RESCINDED"), again);
    }

    @Test
    void theRoleViewIsSentWhenItChanges() throws Exception {
        OfferStreamSession stream = master.offerStream();
        assertEquals(List.of(), JsonTree.objects(stream.subscribed(), "roles"));
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("console"));
        framework.subscribed();
        framework.offer();

        Map<String, Object> role;
        do {
            role = JsonTree.objects(stream.next("ROLES"), "roles").get(0);
        } while (JsonTree.objects(role, "offered").isEmpty());

        assertEquals("*", JsonTree.string(role, "name"));
        assertEquals(0, BigDecimal.ONE.compareTo(JsonTree.number(role, "weight")));
        assertTrue(JsonTree.number(role, "share").doubleValue() > 0, "share of " + role);
        assertEquals(List.of(), JsonTree.objects(role, "allocated"));
    }

    @Test
    void theRoleViewCarriesEachRolesQuotaAndWhatItConsumes() throws Exception {
        master.subscribe(LinkSession.subscription(null, Ports.free(), "cpus(prod):1;cpus:3;mem:1024")).registered();
        HttpResponse<byte[]> set = Http.post(master.uri("/api/v1"), "{\"type\":\"UPDATE_QUOTA\",\"update_quota\":"
                + "{\"quota_configs\":[{\"role\":\"prod\",\"guarantees\":{\"cpus\":{\"value\":1}},"
                + "\"limits\":{\"cpus\":{\"value\":2.5}}}]}}", "Content-Type", Http.JSON);
        assertEquals(200, set.statusCode(), () -> Http.text(set));

        Map<String, Object> prod = JsonTree.objects(master.offerStream().subscribed(), "roles").stream()
                .filter(role -> "prod".equals(JsonTree.string(role, "name"))).findFirst().orElseThrow();

        Map<String, Object> quota = JsonTree.object(prod, "quota");
        assertEquals(0, BigDecimal.ONE.compareTo(JsonTree.number(JsonTree.object(quota, "guarantee"), "cpus")));
        assertEquals(0, new BigDecimal("2.5").compareTo(JsonTree.number(JsonTree.object(quota, "limit"), "cpus")));
        // Its reservation counts as consumed, allocated or not.
        assertEquals(0, BigDecimal.ONE.compareTo(JsonTree.number(JsonTree.object(quota, "consumed"), "cpus")),
                () -> "quota " + quota);
    }

    @Test
    void theStreamIsJsonOnly() throws Exception {
        HttpResponse<byte[]> refused = Http.get(master.uri("/api/v1/meseta/offers"), "Accept",
                "application/x-protobuf");

        assertEquals(406, refused.statusCode());
        assertEquals("Expecting 'Accept' to allow 'application/json': the offer stream is JSON only",
                Http.text(refused));
    }
}
