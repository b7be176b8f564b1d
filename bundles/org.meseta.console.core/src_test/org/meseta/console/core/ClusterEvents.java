package org.meseta.console.core;

import java.util.ArrayList;
import java.util.List;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.OfferID;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.apache.mesos.v1.master.Protos.Response.GetFrameworks;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.ResourceParseException;

/**
 * The master's operator events, built as a master builds them, for tests of the console's model and client: agents
 * offer cpus, mem and disk of role {@code *} and the ports 31000-31099; tasks run as role {@code *}.
 */
public final class ClusterEvents {

    private ClusterEvents() {
    }

    public static Resource scalar(String name, double value) {
        return Resource.newBuilder().setName(name).setType(Value.Type.SCALAR)
                .setScalar(Value.Scalar.newBuilder().setValue(value)).build();
    }

    /** A scalar statically reserved to {@code role}, in the endpoint format (reservations and role). */
    public static Resource reserved(String name, double value, String role) {
        return scalar(name, value).toBuilder().setRole(role)
                .addReservations(Resource.ReservationInfo.newBuilder().setType(Resource.ReservationInfo.Type.STATIC)
                        .setRole(role))
                .build();
    }

    public static Resource ports(long begin, long end) {
        return Resource.newBuilder().setName("ports").setType(Value.Type.RANGES)
                .setRanges(Value.Ranges.newBuilder().addRange(Value.Range.newBuilder().setBegin(begin).setEnd(end)))
                .build();
    }

    /** cpus, mem and disk and the ports 31000-31099. */
    public static List<Resource> resources(double cpus, double mem, double disk) {
        return List.of(scalar("cpus", cpus), scalar("mem", mem), scalar("disk", disk), ports(31000, 31099));
    }

    /** An active agent; {@code attributes} in Mesos text form, {@code ""} for none. */
    public static GetAgents.Agent agent(String id, String hostname, List<Resource> total, List<Resource> allocated,
            String attributes) {
        GetAgents.Agent.Builder agent = GetAgents.Agent.newBuilder().setActive(true).setDeactivated(false)
                .setVersion("1.11.0").setPid("slave(1)@127.0.0.1:5051")
                .addAllTotalResources(total).addAllAllocatedResources(allocated);
        agent.getAgentInfoBuilder().setHostname(hostname).setId(AgentID.newBuilder().setValue(id))
                .addAllResources(total).addAllAttributes(attributes(attributes));
        return agent.build();
    }

    /** An active agent with {@code cpus}, 1024 MB, 2048 MB of disk and 100 ports, nothing allocated. */
    public static GetAgents.Agent agent(String id, double cpus) {
        return agent(id, "host-" + id, resources(cpus, 1024, 2048), List.of(), "");
    }

    private static List<Attribute> attributes(String text) {
        try {
            return Attributes.parse(text);
        } catch (ResourceParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public static Task task(String framework, String id, String agent, TaskState state, double cpus, double mem) {
        List<Resource> resources = new ArrayList<>();
        for (Resource resource : List.of(scalar("cpus", cpus), scalar("mem", mem))) {
            resources.add(resource.toBuilder().setAllocationInfo(Resource.AllocationInfo.newBuilder().setRole("*"))
                    .build());
        }
        return Task.newBuilder().setName("task " + id).setTaskId(TaskID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                .setAgentId(AgentID.newBuilder().setValue(agent)).setState(state).addAllResources(resources).build();
    }

    public static GetFrameworks.Framework framework(String id, String name, String... roles) {
        FrameworkInfo.Builder info = FrameworkInfo.newBuilder().setUser("root").setName(name)
                .setId(FrameworkID.newBuilder().setValue(id)).addAllRoles(List.of(roles));
        return GetFrameworks.Framework.newBuilder().setFrameworkInfo(info).setActive(true).setConnected(true)
                .setRecovered(false).build();
    }

    public static Event subscribed(List<GetAgents.Agent> agents, List<Task> tasks,
            List<GetFrameworks.Framework> frameworks) {
        Response.GetState.Builder state = Response.GetState.newBuilder();
        state.getGetAgentsBuilder().addAllAgents(agents);
        state.getGetTasksBuilder().addAllTasks(tasks);
        state.getGetFrameworksBuilder().addAllFrameworks(frameworks);
        state.getGetExecutorsBuilder();
        return Event.newBuilder().setType(Event.Type.SUBSCRIBED).setSubscribed(Event.Subscribed.newBuilder()
                .setGetState(state).setHeartbeatIntervalSeconds(15)).build();
    }

    public static Event taskAdded(Task task) {
        return Event.newBuilder().setType(Event.Type.TASK_ADDED)
                .setTaskAdded(Event.TaskAdded.newBuilder().setTask(task)).build();
    }

    public static Event taskUpdated(String framework, String task, String agent, TaskState state) {
        return taskUpdated(framework, task, agent, state, TaskStatus.Reason.REASON_COMMAND_EXECUTOR_FAILED);
    }

    public static Event taskUpdated(String framework, String task, String agent, TaskState state,
            TaskStatus.Reason reason) {
        TaskStatus status = TaskStatus.newBuilder().setTaskId(TaskID.newBuilder().setValue(task)).setState(state)
                .setAgentId(AgentID.newBuilder().setValue(agent)).setReason(reason).build();
        return Event.newBuilder().setType(Event.Type.TASK_UPDATED).setTaskUpdated(Event.TaskUpdated.newBuilder()
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework)).setStatus(status).setState(state))
                .build();
    }

    public static Event agentAdded(GetAgents.Agent agent) {
        return Event.newBuilder().setType(Event.Type.AGENT_ADDED)
                .setAgentAdded(Event.AgentAdded.newBuilder().setAgent(agent)).build();
    }

    public static Event agentRemoved(String id) {
        return Event.newBuilder().setType(Event.Type.AGENT_REMOVED)
                .setAgentRemoved(Event.AgentRemoved.newBuilder().setAgentId(AgentID.newBuilder().setValue(id)))
                .build();
    }

    public static Event frameworkAdded(GetFrameworks.Framework framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_ADDED)
                .setFrameworkAdded(Event.FrameworkAdded.newBuilder().setFramework(framework)).build();
    }

    public static Event frameworkUpdated(GetFrameworks.Framework framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_UPDATED)
                .setFrameworkUpdated(Event.FrameworkUpdated.newBuilder().setFramework(framework)).build();
    }

    public static Event frameworkRemoved(GetFrameworks.Framework framework) {
        return Event.newBuilder().setType(Event.Type.FRAMEWORK_REMOVED).setFrameworkRemoved(
                Event.FrameworkRemoved.newBuilder().setFrameworkInfo(framework.getFrameworkInfo())).build();
    }

    public static Event heartbeat() {
        return Event.newBuilder().setType(Event.Type.HEARTBEAT).build();
    }

    /** An offer of cpus and mem as the offer stream writes it (allocation info on the offer and each resource). */
    public static Offer offer(String id, String framework, String agent, String role, double cpus, double mem) {
        Offer.Builder offer = Offer.newBuilder().setId(OfferID.newBuilder().setValue(id))
                .setFrameworkId(FrameworkID.newBuilder().setValue(framework))
                .setAgentId(AgentID.newBuilder().setValue(agent)).setHostname("host-" + agent);
        offer.getAllocationInfoBuilder().setRole(role);
        for (Resource resource : List.of(scalar("cpus", cpus), scalar("mem", mem))) {
            offer.addResources(resource.toBuilder().setAllocationInfo(Resource.AllocationInfo.newBuilder()
                    .setRole(role)));
        }
        return offer.build();
    }

    /** The event as one line of Mesos JSON, as the master writes it on the stream. */
    public static String json(Event event) {
        return JsonCodec.encodeToString(event);
    }

    /** The offer as Mesos JSON. */
    public static String json(Offer offer) {
        return JsonCodec.encodeToString(offer);
    }
}
