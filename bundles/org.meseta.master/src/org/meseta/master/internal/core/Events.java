package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.OperationID;
import org.apache.mesos.v1.Protos.OperationState;
import org.apache.mesos.v1.Protos.OperationStatus;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;

/** The v1 scheduler events the master sends. Stateless. */
public final class Events {

    private static final Event HEARTBEAT = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();

    private Events() {}

    public static Event subscribed(FrameworkID id, Duration heartbeatInterval, MasterInfo master) {
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder()
                        .setFrameworkId(id)
                        .setHeartbeatIntervalSeconds(heartbeatInterval.toNanos() / 1e9)
                        .setMasterInfo(master))
                .build();
    }

    public static Event heartbeat() {
        return HEARTBEAT;
    }

    public static Event offers(List<Offer> offers) {
        return Event.newBuilder().setType(Event.Type.OFFERS)
                .setOffers(Event.Offers.newBuilder().addAllOffers(offers))
                .build();
    }

    public static Event rescind(OfferID offer) {
        return Event.newBuilder().setType(Event.Type.RESCIND)
                .setRescind(Event.Rescind.newBuilder().setOfferId(offer))
                .build();
    }

    public static Event update(TaskStatus status) {
        return Event.newBuilder().setType(Event.Type.UPDATE)
                .setUpdate(Event.Update.newBuilder().setStatus(status))
                .build();
    }

    public static Event message(Event.Message message) {
        return Event.newBuilder().setType(Event.Type.MESSAGE).setMessage(message).build();
    }

    /** An executor ended ({@code executor} set) or an agent was lost ({@code executor} null). */
    public static Event failure(AgentID agent, ExecutorID executor, Integer status) {
        Event.Failure.Builder failure = Event.Failure.newBuilder().setAgentId(agent);
        if (executor != null) {
            failure.setExecutorId(executor);
        }
        if (status != null) {
            failure.setStatus(status);
        }
        return Event.newBuilder().setType(Event.Type.FAILURE).setFailure(failure).build();
    }

    /** An operation with an {@code id} failed before it reached the agent; master-generated, so without uuid. */
    public static Event operationError(OperationID operation, AgentID agent, String message) {
        return Event.newBuilder().setType(Event.Type.UPDATE_OPERATION_STATUS)
                .setUpdateOperationStatus(Event.UpdateOperationStatus.newBuilder().setStatus(OperationStatus
                        .newBuilder().setOperationId(operation).setState(OperationState.OPERATION_ERROR)
                        .setMessage(message).setAgentId(agent)))
                .build();
    }

    public static Event error(String message) {
        return Event.newBuilder().setType(Event.Type.ERROR)
                .setError(Event.Error.newBuilder().setMessage(message))
                .build();
    }
}
