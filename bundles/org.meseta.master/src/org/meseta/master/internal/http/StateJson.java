package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.LegacyResourceFields;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.JsonBody;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.offers.OutstandingOffer;

/**
 * The hand-built JSON objects of the master's legacy endpoints ({@code /state}, {@code /frameworks},
 * {@code /slaves}, {@code /tasks}, {@code /state-summary}) in the shapes Mesos's web UI and tools read. Stateless.
 */
final class StateJson {

    private StateJson() {}

    /** A {@code slaves[]} entry. */
    static void writeAgent(JsonGenerator generator, AgentView agent) throws IOException {
        generator.writeStartObject();
        writeAgentFields(generator, agent);
        generator.writeEndObject();
    }

    static void writeAgentFields(JsonGenerator generator, AgentView agent) throws IOException {
        generator.writeStringField("id", agent.info().getId().getValue());
        generator.writeStringField("pid", agent.pid());
        generator.writeStringField("hostname", agent.info().getHostname());
        generator.writeNumberField("port", agent.info().getPort());
        generator.writeFieldName("attributes");
        Attributes.writeLegacyJson(generator, agent.info().getAttributesList());
        if (agent.info().hasDomain()) {
            generator.writeFieldName("domain");
            JsonCodec.write(generator, agent.info().getDomain());
        }
        LegacyResourceFields.write(generator, agent.total());
        writeResources(generator, "used_resources", agent.used());
        writeResources(generator, "offered_resources", agent.offered());
        generator.writeNumberField("registered_time", JsonBody.seconds(agent.registeredTime()));
        if (agent.reregisteredTime().isPresent()) {
            generator.writeNumberField("reregistered_time", JsonBody.seconds(agent.reregisteredTime().get()));
        }
        generator.writeBooleanField("active", agent.active());
        generator.writeBooleanField("deactivated", agent.deactivated());
        generator.writeStringField("version", agent.version());
        generator.writeArrayFieldStart("capabilities");
        generator.writeEndArray();
        if (agent.drainInfo().isPresent()) {
            generator.writeFieldName("drain_info");
            JsonCodec.write(generator, agent.drainInfo().get());
        }
        if (agent.drainStartTime().isPresent()) {
            generator.writeNumberField("estimated_drain_start_time_seconds",
                    JsonBody.seconds(agent.drainStartTime().get()));
        }
    }

    /** A framework with everything: tasks, offers, executors ({@code /state}, {@code /frameworks}). */
    static void writeFramework(JsonGenerator generator, FrameworkView framework) throws IOException {
        generator.writeStartObject();
        writeFrameworkSummary(generator, framework);
        FrameworkInfo info = framework.info();
        generator.writeStringField("user", info.getUser());
        generator.writeNumberField("failover_timeout", info.getFailoverTimeout());
        generator.writeBooleanField("checkpoint", info.getCheckpoint());
        generator.writeNumberField("registered_time", JsonBody.seconds(framework.registeredTime()));
        generator.writeNumberField("unregistered_time",
                framework.unregisteredTime().map(JsonBody::seconds).orElse(0.0));
        if (framework.reregisteredTime().isPresent()) {
            generator.writeNumberField("reregistered_time", JsonBody.seconds(framework.reregisteredTime().get()));
        }
        if (info.hasPrincipal()) {
            generator.writeStringField("principal", info.getPrincipal());
        }
        writeResources(generator, "resources", framework.used().plus(framework.offered()));
        writeRoles(generator, framework);
        writeTasks(generator, "tasks", framework.tasks());
        writeTasks(generator, "unreachable_tasks", framework.unreachableTasks());
        writeTasks(generator, "completed_tasks", framework.completedTasks());
        generator.writeArrayFieldStart("offers");
        for (OutstandingOffer offer : framework.offers()) {
            writeOffer(generator, offer);
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("executors");
        for (Map.Entry<String, List<ExecutorInfo>> onAgent : framework.executors().entrySet()) {
            for (ExecutorInfo executor : onAgent.getValue()) {
                writeExecutor(generator, executor, onAgent.getKey());
            }
        }
        generator.writeEndArray();
        if (info.hasLabels()) {
            generator.writeFieldName("labels");
            JsonCodec.write(generator, info.getLabels());
        }
        generator.writeEndObject();
    }

    /** The fields every framework entry has, the {@code /state-summary} ones included. */
    static void writeFrameworkSummary(JsonGenerator generator, FrameworkView framework) throws IOException {
        FrameworkInfo info = framework.info();
        generator.writeStringField("id", info.getId().getValue());
        generator.writeStringField("name", info.getName());
        writeResources(generator, "used_resources", framework.used());
        writeResources(generator, "offered_resources", framework.offered());
        generator.writeArrayFieldStart("capabilities");
        for (FrameworkInfo.Capability capability : info.getCapabilitiesList()) {
            generator.writeString(capability.getType().name());
        }
        generator.writeEndArray();
        generator.writeStringField("hostname", info.getHostname());
        generator.writeStringField("webui_url", info.getWebuiUrl());
        generator.writeBooleanField("active", framework.active());
        generator.writeBooleanField("connected", framework.connected());
        generator.writeBooleanField("recovered", framework.recovered());
    }

    @SuppressWarnings("deprecation") // frameworks without MULTI_ROLE are shown with their single 'role'
    private static void writeRoles(JsonGenerator generator, FrameworkView framework) throws IOException {
        FrameworkInfo info = framework.info();
        boolean multiRole = info.getCapabilitiesList().stream()
                .anyMatch(capability -> capability.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
        if (multiRole) {
            generator.writeArrayFieldStart("roles");
            for (String role : info.getRolesList()) {
                generator.writeString(role);
            }
            generator.writeEndArray();
        } else {
            generator.writeStringField("role", info.hasRole() ? info.getRole() : "*");
        }
    }

    private static void writeTasks(JsonGenerator generator, String field, List<Task> tasks) throws IOException {
        generator.writeArrayFieldStart(field);
        for (Task task : tasks) {
            writeTask(generator, task);
        }
        generator.writeEndArray();
    }

    /** A task entry, as in Mesos's {@code /state} and {@code /tasks}. */
    static void writeTask(JsonGenerator generator, Task task) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", task.getTaskId().getValue());
        generator.writeStringField("name", task.getName());
        generator.writeStringField("framework_id", task.getFrameworkId().getValue());
        generator.writeStringField("executor_id", task.hasExecutorId() ? task.getExecutorId().getValue() : "");
        generator.writeStringField("slave_id", task.getAgentId().getValue());
        generator.writeStringField("state", task.getState().name());
        writeResources(generator, "resources", Resources.ofValidated(task.getResourcesList()));
        if (task.getResourcesCount() > 0 && task.getResources(0).hasAllocationInfo()) {
            generator.writeStringField("role", task.getResources(0).getAllocationInfo().getRole());
        }
        generator.writeArrayFieldStart("statuses");
        for (TaskStatus status : task.getStatusesList()) {
            writeStatus(generator, status);
        }
        generator.writeEndArray();
        if (task.hasUser()) {
            generator.writeStringField("user", task.getUser());
        }
        writeMessageField(generator, "labels", task.hasLabels(), task.getLabels());
        writeMessageField(generator, "discovery", task.hasDiscovery(), task.getDiscovery());
        writeMessageField(generator, "container", task.hasContainer(), task.getContainer());
        writeMessageField(generator, "health_check", task.hasHealthCheck(), task.getHealthCheck());
        generator.writeEndObject();
    }

    private static void writeStatus(JsonGenerator generator, TaskStatus status) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("state", status.getState().name());
        generator.writeNumberField("timestamp", status.getTimestamp());
        if (status.hasHealthy()) {
            generator.writeBooleanField("healthy", status.getHealthy());
        }
        writeMessageField(generator, "labels", status.hasLabels(), status.getLabels());
        writeMessageField(generator, "container_status", status.hasContainerStatus(), status.getContainerStatus());
        generator.writeEndObject();
    }

    private static void writeOffer(JsonGenerator generator, OutstandingOffer offer) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", offer.id().getValue());
        generator.writeStringField("framework_id", offer.frameworkId().getValue());
        generator.writeObjectFieldStart("allocation_info");
        generator.writeStringField("role", offer.role());
        generator.writeEndObject();
        generator.writeStringField("slave_id", offer.agentId().getValue());
        writeResources(generator, "resources", offer.resources());
        generator.writeEndObject();
    }

    private static void writeExecutor(JsonGenerator generator, ExecutorInfo executor, String agentId)
            throws IOException {
        generator.writeStartObject();
        generator.writeStringField("executor_id", executor.getExecutorId().getValue());
        generator.writeStringField("name", executor.getName());
        generator.writeStringField("framework_id", executor.getFrameworkId().getValue());
        writeMessageField(generator, "command", executor.hasCommand(), executor.getCommand());
        Resources resources = Resources.ofValidated(executor.getResourcesList());
        writeResources(generator, "resources", resources);
        Set<String> roles = new TreeSet<>();
        executor.getResourcesList().stream().filter(Resource::hasAllocationInfo)
                .forEach(resource -> roles.add(resource.getAllocationInfo().getRole()));
        if (!roles.isEmpty()) {
            generator.writeStringField("role", roles.iterator().next());
        }
        writeMessageField(generator, "labels", executor.hasLabels(), executor.getLabels());
        generator.writeStringField("type", executor.getType().name());
        generator.writeStringField("slave_id", agentId);
        generator.writeEndObject();
    }

    static void writeResources(JsonGenerator generator, String field, Resources resources) throws IOException {
        generator.writeFieldName(field);
        resources.writeLegacyJson(generator);
    }

    private static void writeMessageField(JsonGenerator generator, String field, boolean present,
            MessageOrBuilder message) throws IOException {
        if (present) {
            generator.writeFieldName(field);
            JsonCodec.write(generator, message);
        }
    }

}
