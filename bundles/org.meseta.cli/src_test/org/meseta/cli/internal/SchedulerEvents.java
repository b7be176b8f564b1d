package org.meseta.cli.internal;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/** Scheduler API events and offers as a master sends them to a framework without capabilities. */
final class SchedulerEvents {

    static final String FRAMEWORK_ID = "fake-0001";

    private SchedulerEvents() {}

    static Event subscribed() {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
                .setFrameworkId(FrameworkID.newBuilder().setValue(FRAMEWORK_ID)).setHeartbeatIntervalSeconds(15))
                .build();
    }

    static Event heartbeat() {
        return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    }

    static Event offers(Offer... offers) {
        return Event.newBuilder().setType(Event.Type.OFFERS).setOffers(Event.Offers.newBuilder()
                .addAllOffers(List.of(offers))).build();
    }

    /**
     * An offer of {@code resources} (Mesos text form) on {@code agent}, in the pre-refinement format a framework
     * without RESERVATION_REFINEMENT gets: every resource carries its {@code role}, {@code *} when unreserved.
     */
    static Offer offer(String id, String agent, String resources) {
        return Offer.newBuilder().setId(OfferID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(FRAMEWORK_ID))
                .setAgentId(AgentID.newBuilder().setValue(agent)).setHostname(agent + ".test")
                .addAllResources(preRefinement(resources)).build();
    }

    @SuppressWarnings("deprecation") // The deprecated role field is what such frameworks are sent.
    static List<Resource> preRefinement(String text) {
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : parse(text)) {
            String role = resource.getReservationsCount() == 0 ? "*"
                    : resource.getReservations(resource.getReservationsCount() - 1).getRole();
            resources.add(resource.toBuilder().clearReservations().setRole(role).build());
        }
        return resources;
    }

    static Resources parse(String text) {
        try {
            return Resources.parse(text, "*");
        } catch (ResourceParseException e) {
            throw new AssertionError(e);
        }
    }

    /** A status of the task that {@code accept} launched, with a fresh uuid as an agent's updates carry. */
    static TaskStatus.Builder status(Call accept, TaskState state) {
        return status(accept.getAccept().getOperations(0).getLaunch().getTaskInfos(0), state);
    }

    /** A status of {@code task}, launched, with a fresh uuid. */
    static TaskStatus.Builder status(TaskInfo task, TaskState state) {
        return TaskStatus.newBuilder().setTaskId(task.getTaskId()).setAgentId(task.getAgentId()).setState(state)
                .setSource(TaskStatus.Source.SOURCE_EXECUTOR).setUuid(uuid());
    }

    static Event update(TaskStatus.Builder status) {
        return Event.newBuilder().setType(Event.Type.UPDATE).setUpdate(Event.Update.newBuilder().setStatus(status))
                .build();
    }

    static Event error(String message) {
        return Event.newBuilder().setType(Event.Type.ERROR).setError(Event.Error.newBuilder().setMessage(message))
                .build();
    }

    private static ByteString uuid() {
        UUID uuid = UUID.randomUUID();
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }
}
