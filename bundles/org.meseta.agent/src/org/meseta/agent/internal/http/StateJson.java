package org.meseta.agent.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.ExecutorSnapshot;
import org.meseta.agent.internal.tasks.WorkloadSnapshot.FrameworkSnapshot;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;

/**
 * The framework, executor and task objects of the agent's {@code /state}, in the hand-built shape of Mesos's agent
 * (not a protobuf mapping): resources as a resources object, each executor's sandbox {@code directory} (the web UI
 * builds its sandbox links from it), tasks with their {@code statuses}. Stateless.
 */
final class StateJson {

    private StateJson() {}

    static void frameworks(JsonGenerator generator, String name, List<FrameworkSnapshot> frameworks)
            throws IOException {
        generator.writeArrayFieldStart(name);
        for (FrameworkSnapshot framework : frameworks) {
            framework(generator, framework);
        }
        generator.writeEndArray();
    }

    private static void framework(JsonGenerator generator, FrameworkSnapshot framework) throws IOException {
        FrameworkInfo info = framework.info();
        generator.writeStartObject();
        generator.writeStringField("id", info.getId().getValue());
        generator.writeStringField("name", info.getName());
        generator.writeStringField("user", info.getUser());
        generator.writeNumberField("failover_timeout", info.getFailoverTimeout());
        generator.writeBooleanField("checkpoint", info.getCheckpoint());
        generator.writeStringField("hostname", info.getHostname());
        if (info.hasPrincipal()) {
            generator.writeStringField("principal", info.getPrincipal());
        }
        boolean multiRole = info.getCapabilitiesList().stream()
                .anyMatch(capability -> capability.getType() == FrameworkInfo.Capability.Type.MULTI_ROLE);
        if (multiRole) {
            generator.writeArrayFieldStart("roles");
            for (String role : info.getRolesList()) {
                generator.writeString(role);
            }
            generator.writeEndArray();
        } else {
            generator.writeStringField("role", info.getRole());
        }
        generator.writeArrayFieldStart("capabilities");
        for (FrameworkInfo.Capability capability : info.getCapabilitiesList()) {
            generator.writeString(capability.getType().name());
        }
        generator.writeEndArray();
        executors(generator, "executors", framework.executors());
        executors(generator, "completed_executors", framework.completedExecutors());
        generator.writeEndObject();
    }

    private static void executors(JsonGenerator generator, String name, List<ExecutorSnapshot> executors)
            throws IOException {
        generator.writeArrayFieldStart(name);
        for (ExecutorSnapshot executor : executors) {
            generator.writeStartObject();
            generator.writeStringField("id", executor.info().getExecutorId().getValue());
            generator.writeStringField("name", executor.info().getName());
            generator.writeStringField("source", executor.info().getSource());
            generator.writeStringField("container", executor.containerId());
            generator.writeStringField("directory", executor.directory().toString());
            resources(generator, executor.resources());
            if (executor.info().hasType()) {
                generator.writeStringField("type", executor.info().getType().name());
            }
            if (executor.info().hasLabels()) {
                labels(generator, executor.info().getLabels());
            }
            tasks(generator, "tasks", executor.tasks());
            tasks(generator, "queued_tasks", executor.queuedTasks());
            tasks(generator, "completed_tasks", executor.completedTasks());
            generator.writeEndObject();
        }
        generator.writeEndArray();
    }

    private static void tasks(JsonGenerator generator, String name, List<Task> tasks) throws IOException {
        generator.writeArrayFieldStart(name);
        for (Task task : tasks) {
            task(generator, task);
        }
        generator.writeEndArray();
    }

    private static void task(JsonGenerator generator, Task task) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", task.getTaskId().getValue());
        generator.writeStringField("name", task.getName());
        generator.writeStringField("framework_id", task.getFrameworkId().getValue());
        // Mesos leaves a command task's executor id empty here.
        generator.writeStringField("executor_id", task.getExecutorId().getValue());
        generator.writeStringField("slave_id", task.getAgentId().getValue());
        generator.writeStringField("state", task.getState().name());
        resources(generator, task.getResourcesList());
        Optional<String> role = task.getResourcesList().stream().filter(Resource::hasAllocationInfo).findFirst()
                .map(resource -> resource.getAllocationInfo().getRole());
        if (role.isPresent()) {
            generator.writeStringField("role", role.get());
        }
        generator.writeArrayFieldStart("statuses");
        for (TaskStatus status : task.getStatusesList()) {
            generator.writeStartObject();
            generator.writeStringField("state", status.getState().name());
            generator.writeNumberField("timestamp", status.getTimestamp());
            if (status.hasHealthy()) {
                generator.writeBooleanField("healthy", status.getHealthy());
            }
            generator.writeEndObject();
        }
        generator.writeEndArray();
        if (task.hasUser()) {
            generator.writeStringField("user", task.getUser());
        }
        if (task.hasLabels()) {
            labels(generator, task.getLabels());
        }
        if (task.hasContainer()) {
            generator.writeFieldName("container");
            JsonCodec.write(generator, task.getContainer());
        }
        if (task.hasDiscovery()) {
            generator.writeFieldName("discovery");
            JsonCodec.write(generator, task.getDiscovery());
        }
        generator.writeEndObject();
    }

    private static void resources(JsonGenerator generator, List<Resource> resources) throws IOException {
        Resources combined;
        try {
            combined = Resources.of(resources);
        } catch (ResourceParseException e) {
            combined = Resources.empty(); // the master validated them; nothing sensible to show otherwise
        }
        generator.writeFieldName("resources");
        combined.writeLegacyJson(generator);
    }

    private static void labels(JsonGenerator generator, Labels labels) throws IOException {
        generator.writeArrayFieldStart("labels");
        for (Label label : labels.getLabelsList()) {
            JsonCodec.write(generator, label);
        }
        generator.writeEndArray();
    }
}
