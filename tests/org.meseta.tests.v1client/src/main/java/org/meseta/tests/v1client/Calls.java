package org.meseta.tests.v1client;

import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Filters;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.scheduler.Protos.Call;

/** Builders for the scheduler calls the tests make, as a framework writes them. */
public final class Calls {

    private Calls() {}

    /** A shell command task on the offer's agent with {@code cpus} and {@code mem} of the offer's role. */
    public static TaskInfo.Builder commandTask(String id, Offer offer, String command, double cpus, double mem) {
        return TaskInfo.newBuilder().setName(id).setTaskId(TaskID.newBuilder().setValue(id))
                .setAgentId(offer.getAgentId())
                .addResources(scalar("cpus", cpus, offer))
                .addResources(scalar("mem", mem, offer))
                .setCommand(CommandInfo.newBuilder().setShell(true).setValue(command));
    }

    /** An unreserved scalar in the form the offer uses (pre-refinement {@code role: "*"} for plain frameworks). */
    @SuppressWarnings("deprecation")
    public static Resource scalar(String name, double value, Offer offer) {
        Resource.Builder resource = Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value));
        offer.getResourcesList().stream().filter(r -> r.getName().equals(name)).findFirst().ifPresent(r -> {
            if (r.hasRole()) {
                resource.setRole(r.getRole());
            }
            if (r.hasAllocationInfo()) {
                resource.setAllocationInfo(r.getAllocationInfo());
            }
        });
        return resource.build();
    }

    public static Call.Builder launch(Offer offer, TaskInfo... tasks) {
        return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                .addOfferIds(offer.getId())
                .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH)
                        .setLaunch(Offer.Operation.Launch.newBuilder().addAllTaskInfos(List.of(tasks)))));
    }

    /**
     * A {@code DEFAULT} executor {@code id} of {@code framework} with Mesos's usual executor resources (0.1 cpus,
     * 32 MB of memory and of disk) in the form the offer uses.
     */
    public static ExecutorInfo defaultExecutor(String id, FrameworkID framework, Offer offer) {
        return ExecutorInfo.newBuilder().setType(ExecutorInfo.Type.DEFAULT)
                .setExecutorId(ExecutorID.newBuilder().setValue(id)).setFrameworkId(framework)
                .addResources(scalar("cpus", 0.1, offer)).addResources(scalar("mem", 32, offer))
                .addResources(scalar("disk", 32, offer)).build();
    }

    /** An ACCEPT launching {@code tasks} as one task group under {@code executor}. */
    public static Call.Builder launchGroup(Offer offer, ExecutorInfo executor, TaskInfo... tasks) {
        return Call.newBuilder().setType(Call.Type.ACCEPT).setAccept(Call.Accept.newBuilder()
                .addOfferIds(offer.getId())
                .addOperations(Offer.Operation.newBuilder().setType(Offer.Operation.Type.LAUNCH_GROUP)
                        .setLaunchGroup(Offer.Operation.LaunchGroup.newBuilder().setExecutor(executor)
                                .setTaskGroup(TaskGroupInfo.newBuilder().addAllTasks(List.of(tasks))))));
    }

    public static Call.Builder decline(Offer offer, double refuseSeconds) {
        return Call.newBuilder().setType(Call.Type.DECLINE).setDecline(Call.Decline.newBuilder()
                .addOfferIds(offer.getId()).setFilters(Filters.newBuilder().setRefuseSeconds(refuseSeconds)));
    }

    public static Call.Builder acknowledge(TaskStatus status) {
        return Call.newBuilder().setType(Call.Type.ACKNOWLEDGE).setAcknowledge(Call.Acknowledge.newBuilder()
                .setAgentId(status.getAgentId()).setTaskId(status.getTaskId()).setUuid(status.getUuid()));
    }

    public static Call.Builder kill(TaskID task) {
        return Call.newBuilder().setType(Call.Type.KILL).setKill(Call.Kill.newBuilder().setTaskId(task));
    }

    public static Call.Builder revive() {
        return Call.newBuilder().setType(Call.Type.REVIVE);
    }

    public static Call.Builder suppress() {
        return Call.newBuilder().setType(Call.Type.SUPPRESS);
    }

    public static Call.Builder teardown() {
        return Call.newBuilder().setType(Call.Type.TEARDOWN);
    }

    /** RECONCILE of the given tasks (each with its agent, when {@code agent} is not null); none means all. */
    public static Call.Builder reconcile(AgentID agent, String... taskIds) {
        Call.Reconcile.Builder reconcile = Call.Reconcile.newBuilder();
        for (String id : taskIds) {
            Call.Reconcile.Task.Builder task = reconcile.addTasksBuilder().setTaskId(TaskID.newBuilder().setValue(id));
            if (agent != null) {
                task.setAgentId(agent);
            }
        }
        return Call.newBuilder().setType(Call.Type.RECONCILE).setReconcile(reconcile);
    }
}
