package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meseta.tests.integration.v1.Calls;
import org.meseta.tests.integration.v1.SchedulerClient;
import org.meseta.tests.integration.v1.Wire;

/** Offers on a real local cluster: what they carry, and decline filters, suppress and revive. */
class OfferCycleTest {

    /** Long enough that an offer the allocator would make (every second by default) shows up. */
    private static final Duration QUIET = Duration.ofSeconds(3);

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("offers-local", workDir, 2, "--resources=cpus:2;mem:1024;disk:1024",
                "--attributes=rack:r1");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    @SuppressWarnings("deprecation")
    void offersNameTheAgentAndCarryItsResourcesAndAttributes(Wire wire) throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), wire,
                SchedulerClient.framework("looker-" + wire))) {
            Event offers = framework.await(Event.Type.OFFERS);
            Set<String> ports = offers.getOffers().getOffersList().stream()
                    .map(offer -> offer.getUrl().getAddress().getIp() + ":" + offer.getUrl().getAddress().getPort())
                    .collect(Collectors.toSet());
            while (ports.size() < 2) {
                Offer more = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
                ports.add(more.getUrl().getAddress().getIp() + ":" + more.getUrl().getAddress().getPort());
            }

            assertEquals(Set.copyOf(cluster.agents()), ports);
            Offer offer = offers.getOffers().getOffers(0);
            assertEquals(framework.id(), offer.getFrameworkId());
            assertEquals("/slave(1)", offer.getUrl().getPath());
            assertEquals("http", offer.getUrl().getScheme());
            assertEquals("rack", offer.getAttributes(0).getName());
            assertEquals(2.0, offer.getResourcesList().stream().filter(r -> r.getName().equals("cpus"))
                    .findFirst().orElseThrow().getScalar().getValue());
            offer.getResourcesList().forEach(resource -> assertEquals("*", resource.getRole()));
            framework.accepted(Calls.teardown());
        }
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aDeclinedAgentStaysAwayUntilReviveAndSuppressStopsOffers(Wire wire) throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), wire,
                SchedulerClient.framework("decliner-" + wire))) {
            int offered = 0;
            while (offered < 2) {
                Event offers = framework.await(Event.Type.OFFERS);
                for (Offer offer : offers.getOffers().getOffersList()) {
                    framework.accepted(Calls.decline(offer, 3600));
                    offered++;
                }
            }
            assertTrue(framework.poll(Event.Type.OFFERS, QUIET).isEmpty(), "declined for an hour: no offers");

            framework.accepted(Calls.revive());
            Offer revived = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            framework.accepted(Calls.suppress());
            framework.accepted(Calls.decline(revived, 0));
            assertTrue(framework.poll(Event.Type.OFFERS, QUIET).isEmpty(), "suppressed: no offers");

            framework.accepted(Calls.revive());
            framework.await(Event.Type.OFFERS);
            framework.accepted(Calls.teardown());
        }
    }
}
