package org.meseta.master.internal;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.resources.Resources;

/** Builders for the calls tests make as frameworks and agents. */
final class Calls {

    private Calls() {}

    /** A command task named and identified {@code id} on the offer's agent, using {@code resources} (text form). */
    static TaskInfo task(String id, Offer offer, String resources) throws Exception {
        return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
                .setAgentId(offer.getAgentId())
                .addAllResources(Resources.parse(resources, "*").toList().stream()
                        .map(Calls::preRefinement).toList())
                .setCommand(CommandInfo.newBuilder().setValue("sleep 1000"))
                .build();
    }

    /** As a framework without RESERVATION_REFINEMENT writes unreserved resources: with {@code role: "*"}. */
    @SuppressWarnings("deprecation")
    private static Resource preRefinement(Resource resource) {
        return resource.toBuilder().setRole("*").build();
    }

    static Call.Builder launch(Offer offer, TaskInfo... tasks) {
        return launch(List.of(offer.getId()), tasks);
    }

    static Call.Builder launch(List<OfferID> offers, TaskInfo... tasks) {
        return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                .addAllOfferIds(offers)
                .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
                        .setLaunch(Offer.Operation.Launch.newBuilder().addAllTaskInfos(List.of(tasks)))));
    }

    static Call.Builder decline(Offer offer, double refuseSeconds) {
        return Call.newBuilder().setType(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder()
                .addOfferIds(offer.getId()).setFilters(Filters.newBuilder().setRefuseSeconds(refuseSeconds)));
    }

    static Call.Builder acknowledge(TaskStatus status) {
        return Call.newBuilder().setType(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
                .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid()));
    }

    static Call.Builder reconcile(Call.Reconcile.Task... tasks) {
        return Call.newBuilder().setType(Call.Type.RECONCILE)
                .setReconcile(Call.Reconcile.newBuilder().addAllTasks(List.of(tasks)));
    }

    static Call.Reconcile.Task reconcileTask(String taskId, String agentId) {
        Call.Reconcile.Task.Builder task = Call.Reconcile.Task.newBuilder()
                .setTaskId(TaskID.newBuilder().setValue(taskId));
        if (agentId != null) {
            task.setAgentId(AgentID.newBuilder().setValue(agentId));
        }
        return task.build();
    }

    /** A status update an agent sends for a task, with a fresh uuid. */
    static AgentCall.Update update(AgentID agent, FrameworkID framework, String taskId, TaskState state) {
        TaskStatus status = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(taskId))
                .setState(state).setSource(TaskStatus.Source.SOURCE_EXECUTOR).setAgentId(agent)
                .setUuid(uuid()).setTimestamp(System.currentTimeMillis() / 1000.0).build();
        return new AgentCall.Update(agent, framework, Event.Update.newBuilder().setStatus(status).build(), state);
    }

    static ByteString uuid() {
        UUID uuid = UUID.randomUUID();
        return ByteString.copyFrom(ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array());
    }
}
