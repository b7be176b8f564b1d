package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.testing.Http;

/**
 * Offers from the DRF allocator to frameworks over the scheduler API, with agents played on the agent link: their
 * contents and formats, filters, suppress and revive, single use, and rescinds.
 */
class OfferCycleTest {

    private static final Duration QUIET = Duration.ofMillis(600);

    @TempDir
    Path workDir;

    private TestMaster master;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins", "--allocation_interval=50ms");
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    @Test
    @SuppressWarnings("deprecation")
    void anOfferCarriesTheAgentUrlHostnameAttributesAndPreRefinementResources() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("plain"));
        framework.subscribed();

        Offer offer = framework.offer();

        assertTrue(offer.getId().getValue().matches(master.id() + "-O\\d+"), offer.getId().getValue());
        assertEquals(framework.id(), offer.getFrameworkId());
        assertTrue(offer.getHostname().startsWith("agent-"), offer.getHostname());
        assertEquals("http", offer.getUrl().getScheme());
        assertEquals("127.0.0.1", offer.getUrl().getAddress().getIp());
        assertEquals("/slave(1)", offer.getUrl().getPath());
        assertEquals(offer.getHostname(), offer.getUrl().getAddress().getHostname());
        assertEquals(Set.of("rack", "level"), Set.copyOf(offer.getAttributesList().stream()
                .map(attribute -> attribute.getName()).toList()));
        assertFalse(offer.hasAllocationInfo(), "not MULTI_ROLE: no allocation info");
        for (Resource resource : offer.getResourcesList()) {
            assertEquals("*", resource.getRole(), resource.toString());
            assertEquals(0, resource.getReservationsCount(), resource.toString());
            assertFalse(resource.hasAllocationInfo(), resource.toString());
        }
        assertEquals(Set.of("cpus", "mem", "disk", "ports"), names(offer));
    }

    private static Set<String> names(Offer offer) {
        Set<String> names = new HashSet<>();
        offer.getResourcesList().forEach(resource -> names.add(resource.getName()));
        return names;
    }

    @Test
    @SuppressWarnings("deprecation")
    void aMultiRoleFrameworkIsOfferedInItsRoleWithAllocationInfo() throws Exception {
        master.agent();
        FrameworkInfo info = SchedulerSession.framework("multi", FrameworkInfo.Capability.Type.MULTI_ROLE,
                FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT).toBuilder().addRoles("analytics").build();
        SchedulerSession framework = master.framework(Http.PROTOBUF, info);
        framework.subscribed();

        Offer offer = framework.offer();

        assertEquals("analytics", offer.getAllocationInfo().getRole());
        for (Resource resource : offer.getResourcesList()) {
            assertEquals("analytics", resource.getAllocationInfo().getRole(), resource.toString());
            assertFalse(resource.hasRole(), "RESERVATION_REFINEMENT: no pre-refinement role");
        }
    }

    @Test
    void aDeclinedOfferIsNotOfferedAgainBeforeRefuseSecondsButAfter() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("decliner"));
        framework.subscribed();
        Offer first = framework.offer();

        framework.accepted(Calls.decline(first, 2));

        assertEquals(Optional.empty(), framework.poll(QUIET), "nothing within the filter");
        Offer again = framework.offer();
        assertNotEquals(first.getId(), again.getId());
        assertEquals(first.getResourcesList(), again.getResourcesList());
    }

    @Test
    void suppressStopsOffersAndReviveBringsThemBack() throws Exception {
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("suppressor"));
        framework.subscribed();
        framework.accepted(Call.newBuilder().setType(Call.Type.SUPPRESS));
        master.agent();

        assertEquals(Optional.empty(), framework.poll(QUIET), "suppressed: no offers");
        framework.accepted(Call.newBuilder().setType(Call.Type.REVIVE));

        framework.offer();
    }

    @Test
    void reviveClearsOfferFilters() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("reviver"));
        framework.subscribed();
        framework.accepted(Calls.decline(framework.offer(), 3600));
        assertEquals(Optional.empty(), framework.poll(QUIET));

        framework.accepted(Call.newBuilder().setType(Call.Type.REVIVE));

        framework.offer();
    }

    @Test
    void anOfferCanBeUsedOnceOnly() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("twice"));
        framework.subscribed();
        Offer offer = framework.offer();
        framework.accepted(Calls.decline(offer, 3600));

        framework.accepted(Calls.launch(offer, Calls.task("late", offer, "cpus:1;mem:64")));

        TaskStatus status = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_LOST, status.getState());
        assertEquals(TaskStatus.Source.SOURCE_MASTER, status.getSource());
        assertEquals(TaskStatus.Reason.REASON_INVALID_OFFERS, status.getReason());
        assertEquals("Task launched with invalid offers: Offer " + offer.getId().getValue() + " is no longer valid",
                status.getMessage());
        assertFalse(status.hasUuid(), "updates from the master are not acknowledged");
    }

    @Test
    void aPartitionAwareFrameworkGetsTaskDroppedForInvalidOffers() throws Exception {
        master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("aware",
                FrameworkInfo.Capability.Type.PARTITION_AWARE));
        framework.subscribed();
        Offer offer = framework.offer();
        Offer unknown = offer.toBuilder().setId(offer.getId().toBuilder().setValue("no-such-offer")).build();

        framework.accepted(Calls.launch(List.of(offer.getId(), unknown.getId()), Calls.task("t", offer, "cpus:1")));

        TaskStatus status = framework.next(Event.Type.UPDATE).getUpdate().getStatus();
        assertEquals(TaskState.TASK_DROPPED, status.getState());
        assertEquals("Task launched with invalid offers: Offer no-such-offer is no longer valid",
                status.getMessage());
        assertEquals(first(offer), first(framework.offer()), "the valid offer's resources are offered again");
    }

    private static String first(Offer offer) {
        return offer.getResources(0).getName() + "=" + offer.getResources(0).getScalar().getValue();
    }

    @Test
    void anAgentThatDisconnectsHasItsOffersRescinded() throws Exception {
        LinkSession agent = master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("rescinded"));
        framework.subscribed();
        Offer offer = framework.offer();

        agent.close();

        assertEquals(offer.getId(), framework.next(Event.Type.RESCIND).getRescind().getOfferId());
    }

    @Test
    void twoFrameworksShareTwoAgentsOneEach() throws Exception {
        master.agent();
        master.agent();
        SchedulerSession first = master.framework(Http.JSON, SchedulerSession.framework("first"));
        first.subscribed();
        SchedulerSession second = master.framework(Http.PROTOBUF, SchedulerSession.framework("second"));
        second.subscribed();

        // Whoever is offered both agents first declines them forever; DRF then gives each framework one agent.
        Set<String> agents = new HashSet<>();
        Event firstOffers = first.next(Event.Type.OFFERS);
        firstOffers.getOffers().getOffersList().forEach(offer -> agents.add(offer.getAgentId().getValue()));
        if (firstOffers.getOffers().getOffersCount() == 2) {
            first.accepted(Calls.decline(firstOffers.getOffers().getOffers(1), 3600));
        }
        Offer secondOffer = second.offer();
        agents.add(secondOffer.getAgentId().getValue());

        assertEquals(2, agents.size(), "each framework holds a different agent");
    }

    @Test
    void aDisconnectedFrameworksOffersGoToAnother() throws Exception {
        master.agent();
        SchedulerSession leaving = master.framework(Http.JSON, SchedulerSession.framework("leaving")
                .toBuilder().setFailoverTimeout(60).build());
        leaving.subscribed();
        leaving.offer();
        SchedulerSession staying = master.framework(Http.JSON, SchedulerSession.framework("staying"));
        staying.subscribed();
        assertEquals(Optional.empty(), staying.poll(QUIET), "the only agent is offered to the first framework");

        leaving.close();

        staying.offer();
    }

    @Test
    void acceptingLaunchesOnTheAgentWithTheOffersRoleAndReturnsTheRest() throws Exception {
        LinkSession agent = master.agent();
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("launcher"));
        framework.subscribed();
        Offer offer = framework.offer();

        Call.Builder launch = Calls.launch(offer, Calls.task("t1", offer, "cpus:1;mem:128"));
        launch.getAcceptBuilder().getFiltersBuilder().setRefuseSeconds(0);
        framework.accepted(launch);

        AgentEvent.RunTask run = agent.next(AgentEvent.RunTask.class);
        assertEquals("t1", run.task().getTaskId().getValue());
        assertEquals(framework.id(), run.framework().getId());
        run.task().getResourcesList().forEach(resource -> assertEquals("*", resource.getAllocationInfo().getRole()));
        Offer rest = framework.offer();
        assertEquals(1.0, rest.getResourcesList().stream().filter(resource -> resource.getName().equals("cpus"))
                .findFirst().orElseThrow().getScalar().getValue());
    }
}
