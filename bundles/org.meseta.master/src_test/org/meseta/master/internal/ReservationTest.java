package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OperationID;
import org.apache.mesos.v1.Protos.OperationState;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.resources.Resources;
import org.meseta.testing.Http;
import org.meseta.testing.Ports;

/**
 * Static and dynamic reservations end to end: offers only to the reservation's role and its sub-roles, RESERVE and
 * UNRESERVE in an ACCEPT (applied in order, dropped when invalid), the operator's RESERVE_RESOURCES and
 * UNRESERVE_RESOURCES in both encodings, the legacy {@code /reserve} and {@code /unreserve}, and what the agent is
 * told, over real HTTP with agents played on the agent link.
 */
class ReservationTest {

    private static final Duration QUIET = Duration.ofMillis(600);
    private static final String AGENT_RESOURCES = "cpus:2;mem:1024";

    @TempDir
    Path workDir;

    private TestMaster master;
    private OperatorClient operator;

    @BeforeEach
    void startMaster() throws Exception {
        master = TestMaster.start(workDir, "--agent_ping_timeout=10mins", "--allocation_interval=50ms");
        operator = new OperatorClient(master);
    }

    @AfterEach
    void stopMaster() {
        master.close();
    }

    private record Agent(LinkSession link, AgentID id) {}

    private Agent agent(String resources) throws Exception {
        LinkSession link = master.subscribe(LinkSession.subscription(null, Ports.free(), resources));
        return new Agent(link, link.registered().agentId());
    }

    /** A MULTI_ROLE framework with RESERVATION_REFINEMENT in {@code role}, with principal {@code ops}. */
    private SchedulerSession framework(String role) throws Exception {
        FrameworkInfo info = SchedulerSession.framework("reserver", FrameworkInfo.Capability.Type.MULTI_ROLE,
                FrameworkInfo.Capability.Type.RESERVATION_REFINEMENT).toBuilder().addRoles(role)
                .setPrincipal("ops").build();
        SchedulerSession framework = master.framework(Http.JSON, info);
        framework.subscribed();
        return framework;
    }

    /** {@code text} (e.g. {@code cpus:1}) dynamically reserved to {@code role} by {@code principal}. */
    private static List<Resource> reserved(String text, String role, String principal) throws Exception {
        return Resources.parse(text, "*").toList().stream().map(resource -> resource.toBuilder()
                .addReservations(Resource.ReservationInfo.newBuilder().setType(Resource.ReservationInfo.Type.DYNAMIC)
                        .setRole(role).setPrincipal(principal))
                .build()).toList();
    }

    private static List<Resource> allocated(List<Resource> resources, String role) {
        return resources.stream().map(resource -> resource.toBuilder().setAllocationInfo(
                Resource.AllocationInfo.newBuilder().setRole(role)).build()).toList();
    }

    private static Offer.Operation reserve(List<Resource> resources) {
        return Offer.Operation.newBuilder().setType(Offer.Operation.Type.RESERVE)
                .setReserve(Offer.Operation.Reserve.newBuilder().addAllResources(resources)).build();
    }

    private static Offer.Operation unreserve(List<Resource> resources) {
        return Offer.Operation.newBuilder().setType(Offer.Operation.Type.UNRESERVE)
                .setUnreserve(Offer.Operation.Unreserve.newBuilder().addAllResources(resources)).build();
    }

    private static Offer.Operation launch(TaskInfo task) {
        return Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
                .setLaunch(Offer.Operation.Launch.newBuilder().addTaskInfos(task)).build();
    }

    private static org.apache.mesos.v1.scheduler.Protos.Call.Builder accept(Offer offer,
            Offer.Operation... operations) {
        return org.apache.mesos.v1.scheduler.Protos.Call.newBuilder()
                .setType(org.apache.mesos.v1.scheduler.Protos.Call.Type.ACCEPT)
                .setAccept(org.apache.mesos.v1.scheduler.Protos.Call.Accept.newBuilder().addOfferIds(offer.getId())
                        .addAllOperations(List.of(operations)));
    }

    private static TaskInfo task(String id, Offer offer, List<Resource> resources) throws Exception {
        return Calls.task(id, offer, "cpus:1").toBuilder().clearResources().addAllResources(resources).build();
    }

    private static Call reserveCall(AgentID agent, List<Resource> resources) {
        return Call.newBuilder().setType(Call.Type.RESERVE_RESOURCES).setReserveResources(
                Call.ReserveResources.newBuilder().setAgentId(agent).addAllResources(resources)).build();
    }

    private static Call unreserveCall(AgentID agent, List<Resource> resources) {
        return Call.newBuilder().setType(Call.Type.UNRESERVE_RESOURCES).setUnreserveResources(
                Call.UnreserveResources.newBuilder().setAgentId(agent).addAllResources(resources)).build();
    }

    private HttpResponse<byte[]> json(Call call) throws Exception {
        return Http.post(master.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> reservedOn(AgentID agent) throws Exception {
        return (Map<String, Object>) master.slave(agent.getValue()).get("reserved_resources");
    }

    private static double cpus(Offer offer) {
        return offer.getResourcesList().stream().filter(resource -> resource.getName().equals("cpus"))
                .mapToDouble(resource -> resource.getScalar().getValue()).sum();
    }

    @Test
    void aStaticReservationIsOfferedOnlyToItsRoleAndSubRolesAndShownAsReserved() throws Exception {
        Agent agent = agent("cpus(ml):1;mem(ml):512");
        SchedulerSession everyone = master.framework(Http.JSON, SchedulerSession.framework("everyone"));
        everyone.subscribed();
        SchedulerSession trainer = framework("ml/train");

        Offer offer = trainer.offer();

        assertEquals(1.0, cpus(offer));
        offer.getResourcesList().forEach(resource -> assertEquals("ml",
                resource.getReservations(resource.getReservationsCount() - 1).getRole(), resource.toString()));
        assertEquals(Optional.empty(), everyone.poll(QUIET), "role * is offered nothing reserved to ml");
        assertEquals(Set.of("ml"), reservedOn(agent.id()).keySet());
        Response.GetAgents.Agent listed = operator.both(OperatorClient.call(Call.Type.GET_AGENTS)).getGetAgents()
                .getAgents(0);
        assertTrue(listed.getTotalResourcesList().stream().allMatch(resource -> resource.getReservationsCount() == 1
                && resource.getReservations(0).getRole().equals("ml")), listed.toString());
    }

    @Test
    void aLaunchAfterAReserveInOneAcceptRunsOnTheReservedResources() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = framework("eng");
        Offer offer = framework.offer();
        List<Resource> reservation = allocated(reserved("cpus:1;mem:512", "eng", "ops"), "eng");

        framework.accepted(accept(offer, reserve(reservation), launch(task("web", offer, reservation))));

        AgentEvent.UpdateTotal total = agent.link().next(AgentEvent.UpdateTotal.class);
        assertEquals(Resources.parse("cpus:1;mem:512", "*").plus(Resources.of(reserved("cpus:1;mem:512", "eng",
                "ops"))), Resources.of(total.total()));
        AgentEvent.RunTask run = agent.link().next(AgentEvent.RunTask.class);
        assertEquals(Resources.of(reservation), Resources.of(run.task().getResourcesList()));
        assertTrue(reservedOn(agent.id()).containsKey("eng"), "reserved_resources: " + reservedOn(agent.id()));
    }

    @Test
    void whatAFrameworkReservedIsOfferedAgainAtOnceAndItCanUnreserveIt() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = framework("eng");
        Offer offer = framework.offer();
        framework.accepted(accept(offer, reserve(allocated(reserved("cpus:1", "eng", "ops"), "eng"))));

        Offer reservedOffer = framework.offer();
        List<Resource> reservedCpu = reservedOffer.getResourcesList().stream()
                .filter(resource -> resource.getReservationsCount() == 1).toList();
        assertEquals(1, reservedCpu.size(), reservedOffer.toString());
        assertEquals("eng", reservedCpu.get(0).getReservations(0).getRole());

        framework.accepted(accept(reservedOffer, unreserve(reservedCpu)));

        assertEquals(Map.of(), reservedOn(agent.id()));
    }

    @Test
    void anInvalidReserveIsDroppedAndTheLaunchThatNeededItFails() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = framework("eng");
        Offer offer = framework.offer();
        List<Resource> wrongPrincipal = allocated(reserved("cpus:1", "eng", "mallory"), "eng");

        framework.accepted(accept(offer, reserve(wrongPrincipal), launch(task("web", offer, wrongPrincipal))));

        Event update = framework.next(Event.Type.UPDATE);
        assertEquals(TaskState.TASK_ERROR, update.getUpdate().getStatus().getState());
        assertTrue(update.getUpdate().getStatus().getMessage().contains("is more than available"),
                update.getUpdate().getStatus().getMessage());
        assertEquals(Map.of(), reservedOn(agent.id()));
    }

    @Test
    void aReserveForAnotherRoleThanTheOffersIsDropped() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = framework("eng");
        Offer offer = framework.offer();

        framework.accepted(accept(offer, reserve(allocated(reserved("cpus:1", "ops", "ops"), "eng"))));

        assertEquals(Map.of(), reservedOn(agent.id()));
        assertEquals(Optional.empty(), agent.link().poll(QUIET).filter(AgentEvent.UpdateTotal.class::isInstance));
    }

    @Test
    void anOperationWithAnIdGetsOperationErrorAsOnAnAgentWithoutOperationFeedback() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = framework("eng");
        Offer offer = framework.offer();
        Offer.Operation withId = reserve(allocated(reserved("cpus:1", "eng", "ops"), "eng")).toBuilder()
                .setId(OperationID.newBuilder().setValue("op-1")).build();

        framework.accepted(accept(offer, withId));

        Event event = framework.next(Event.Type.UPDATE_OPERATION_STATUS);
        assertEquals(OperationState.OPERATION_ERROR, event.getUpdateOperationStatus().getStatus().getState());
        assertEquals("Operation requested feedback, but agent " + agent.id().getValue() + " does not have the"
                + " required RESOURCE_PROVIDER capability", event.getUpdateOperationStatus().getStatus().getMessage());
        assertEquals(Map.of(), reservedOn(agent.id()));
    }

    @Test
    void operatorReservedResourcesGoOnlyToTheRoleAndUnreservingReturnsThemToEveryone() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        List<Resource> reservation = reserved("cpus:1;mem:512", "eng", "ops");

        assertEquals(202, json(reserveCall(agent.id(), reservation)).statusCode());
        agent.link().next(AgentEvent.UpdateTotal.class);
        SchedulerSession everyone = master.framework(Http.JSON, SchedulerSession.framework("everyone"));
        everyone.subscribed();
        Offer unreserved = everyone.offer();
        assertEquals(1.0, cpus(unreserved));
        unreserved.getResourcesList().forEach(resource -> assertEquals(0, resource.getReservationsCount()));

        assertEquals(202, operator.raw(unreserveCall(agent.id(), reservation)).statusCode());

        Offer returned = everyone.offer();
        assertEquals(1.0, cpus(returned), "the unreserved cpu, while the first offer is outstanding");
        assertEquals(Map.of(), reservedOn(agent.id()));
        assertEquals(Resources.parse(AGENT_RESOURCES, "*"),
                Resources.of(agent.link().next(AgentEvent.UpdateTotal.class).total()));
    }

    @Test
    void operatorReserveRescindsTheOffersHoldingTheResources() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        SchedulerSession framework = master.framework(Http.JSON, SchedulerSession.framework("holder"));
        framework.subscribed();
        Offer held = framework.offer();

        assertEquals(202, json(reserveCall(agent.id(), reserved("cpus:1", "eng", "ops"))).statusCode());

        assertEquals(held.getId(), framework.next(Event.Type.RESCIND).getRescind().getOfferId());
        assertTrue(reservedOn(agent.id()).containsKey("eng"));
    }

    @Test
    void operatorReserveOfMoreThanIsFreeIsAConflict() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);

        HttpResponse<byte[]> response = json(reserveCall(agent.id(), reserved("cpus:3", "eng", "ops")));

        assertEquals(409, response.statusCode());
        assertEquals("cpus:2; mem:1024 does not contain cpus:3", Http.text(response));
    }

    @Test
    void invalidOperatorReservationsAreBadRequestsWithMesossTexts() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        AgentID unknown = AgentID.newBuilder().setValue("no-such-agent").build();
        List<Resource> statically = Resources.parse("cpus(eng):1", "*").toList();

        assertRefused(reserveCall(unknown, reserved("cpus:1", "eng", "ops")), "No agent found with specified ID");
        assertRefused(reserveCall(agent.id(), statically), "Invalid RESERVE operation on agent "
                + agent.id().getValue() + " at slave(1)@127.0.0.1:", "is not dynamically reserved");
        assertRefused(reserveCall(agent.id(), allocated(reserved("cpus:1", "eng", "ops"), "eng")),
                "Invalid RESERVE operation on agent ", "A reserve operation was attempted with an allocated resource,"
                        + " but the operator API only allows reservations to be made to unallocated resources");
        assertRefused(reserveCall(agent.id(), reserved("cpus:1", "*", "ops")), "Invalid resources: ");
        assertRefused(unreserveCall(agent.id(), Resources.parse("cpus:1", "*").toList()),
                "Invalid UNRESERVE operation: Resource cpus:1 is not dynamically reserved");
    }

    private void assertRefused(Call call, String prefix, String... fragments) throws Exception {
        HttpResponse<byte[]> response = json(call);
        assertEquals(400, response.statusCode(), () -> Http.text(response));
        assertTrue(Http.text(response).startsWith(prefix), Http.text(response));
        for (String fragment : fragments) {
            assertTrue(Http.text(response).contains(fragment), Http.text(response));
        }
    }

    @Test
    void aFrameworkRefinesAReservationToASubRole() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        assertEquals(202, json(reserveCall(agent.id(), reserved("cpus:1", "eng", "ops"))).statusCode());
        SchedulerSession framework = framework("eng/web");
        Offer offer = framework.offer();
        Resource engCpu = offer.getResourcesList().stream()
                .filter(resource -> resource.getReservationsCount() == 1).findFirst().orElseThrow();
        Resource refined = engCpu.toBuilder().addReservations(Resource.ReservationInfo.newBuilder()
                .setType(Resource.ReservationInfo.Type.DYNAMIC).setRole("eng/web").setPrincipal("ops")).build();

        framework.accepted(accept(offer, reserve(List.of(refined))));

        assertTrue(reservedOn(agent.id()).containsKey("eng/web"), "reserved_resources: " + reservedOn(agent.id()));
        assertFalse(reservedOn(agent.id()).containsKey("eng"), "reserved_resources: " + reservedOn(agent.id()));
    }

    private HttpResponse<byte[]> form(String path, String... namesAndValues) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(namesAndValues[i]).append('=')
                    .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return Http.post(master.uri(path), body.toString(), "Content-Type", "application/x-www-form-urlencoded");
    }

    private static String array(List<Resource> resources) {
        return "[" + String.join(",", resources.stream().map(JsonCodec::encodeToString).toList()) + "]";
    }

    @Test
    void theLegacyFormEndpointsReserveAndUnreserve() throws Exception {
        Agent agent = agent(AGENT_RESOURCES);
        String resources = array(reserved("cpus:1", "eng", "ops"));

        assertEquals(202, form("/master/reserve", "slaveId", agent.id().getValue(), "resources", resources)
                .statusCode());
        assertTrue(reservedOn(agent.id()).containsKey("eng"));
        assertEquals(202, form("/unreserve", "slaveId", agent.id().getValue(), "resources", resources)
                .statusCode());
        assertEquals(Map.of(), reservedOn(agent.id()));

        HttpResponse<byte[]> noAgent = form("/reserve", "resources", resources);
        assertEquals(400, noAgent.statusCode());
        assertEquals("Missing 'slaveId' query parameter in the request body", Http.text(noAgent));
        HttpResponse<byte[]> noJson = form("/reserve", "slaveId", agent.id().getValue(), "resources", "{");
        assertEquals(400, noJson.statusCode());
        assertTrue(Http.text(noJson).startsWith("Error parsing 'resources' query parameter in the request body: "),
                Http.text(noJson));
        HttpResponse<byte[]> conflict = form("/master/unreserve", "slaveId", agent.id().getValue(), "resources",
                resources);
        assertEquals(409, conflict.statusCode(), Http.text(conflict));
    }

    @Test
    void anAgentReportsItsTotalWithDynamicReservationsWhenItSubscribes() throws Exception {
        org.meseta.api.agentlink.AgentSubscribe plain = LinkSession.subscription(null, Ports.free(),
                AGENT_RESOURCES);
        List<Resource> total = Resources.parse("cpus:1;mem:1024", "*")
                .plus(Resources.of(reserved("cpus:1", "eng", "ops"))).toList();
        LinkSession link = master.subscribe(new org.meseta.api.agentlink.AgentSubscribe(plain.agentInfo(),
                plain.pid(), plain.version(), List.of(), List.of(), List.of(), total));
        AgentID id = link.registered().agentId();

        assertEquals(Set.of("eng"), reservedOn(id).keySet());
        assertEquals(202, json(unreserveCall(id, reserved("cpus:1", "eng", "ops"))).statusCode());
    }
}
