package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskState;
import org.meseta.api.json.JsonCodec;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;

/**
 * The legacy read-only JSON endpoints in the shapes Mesos's web UI and tools read: {@code /state},
 * {@code /state-summary}, {@code /frameworks} ({@code ?framework_id=}), {@code /slaves} ({@code ?slave_id=}) and
 * {@code /tasks} ({@code ?limit=&offset=&order=&framework_id=&task_id=}). All honour {@code ?jsonp=}.
 */
final class StateEndpoint {

    /** Mesos's default page size of {@code /tasks}. */
    private static final int TASK_LIMIT = 100;
    private static final List<TaskState> COUNTED_STATES = List.of(TaskState.TASK_STAGING, TaskState.TASK_STARTING,
            TaskState.TASK_RUNNING, TaskState.TASK_KILLING, TaskState.TASK_FINISHED, TaskState.TASK_KILLED,
            TaskState.TASK_FAILED, TaskState.TASK_LOST, TaskState.TASK_ERROR, TaskState.TASK_UNREACHABLE);

    private final Master master;
    private final MasterConfig config;

    StateEndpoint(Master master, MasterConfig config) {
        this.master = master;
        this.config = config;
    }

    CompletionStage<HttpResponse> state(HttpRequest request) {
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> writeState(generator, view)));
    }

    private void writeState(JsonGenerator generator, ClusterView view) throws IOException {
        generator.writeStartObject();
        CommonEndpoints.writeVersionFields(generator);
        generator.writeNumberField("start_time", JsonBody.seconds(view.startTime()));
        if (view.electedTime().isPresent()) {
            generator.writeNumberField("elected_time", JsonBody.seconds(view.electedTime().get()));
        }
        generator.writeStringField("id", view.master().getId());
        generator.writeStringField("pid", view.master().getPid());
        generator.writeStringField("hostname", view.master().getHostname());
        generator.writeArrayFieldStart("capabilities");
        generator.writeEndArray();
        generator.writeNumberField("activated_slaves", view.activeAgents());
        generator.writeNumberField("deactivated_slaves", view.agents().size() - view.activeAgents());
        generator.writeNumberField("unreachable_slaves", view.unreachableAgents());
        generator.writeStringField("leader", view.master().getPid());
        generator.writeFieldName("leader_info");
        JsonCodec.write(generator, view.master());
        if (config.cluster().isPresent()) {
            generator.writeStringField("cluster", config.cluster().get());
        }
        CommonEndpoints.writeFlags(generator, config.flags());
        generator.writeArrayFieldStart("slaves");
        for (AgentView agent : view.agents()) {
            StateJson.writeAgent(generator, agent);
        }
        generator.writeEndArray();
        writeFrameworkLists(generator, view, Optional.empty());
        for (String empty : List.of("recovered_slaves", "orphan_tasks")) {
            generator.writeArrayFieldStart(empty);
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    private static void writeFrameworkLists(JsonGenerator generator, ClusterView view, Optional<String> id)
            throws IOException {
        generator.writeArrayFieldStart("frameworks");
        for (FrameworkView framework : selected(view.frameworks(), id)) {
            StateJson.writeFramework(generator, framework);
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("completed_frameworks");
        for (FrameworkView framework : selected(view.completedFrameworks(), id)) {
            StateJson.writeFramework(generator, framework);
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("unregistered_frameworks");
        generator.writeEndArray();
    }

    private static List<FrameworkView> selected(List<FrameworkView> frameworks, Optional<String> id) {
        return frameworks.stream().filter(framework -> id.isEmpty()
                || framework.info().getId().getValue().equals(id.get())).toList();
    }

    CompletionStage<HttpResponse> frameworks(HttpRequest request) {
        Optional<String> id = request.queryParameter("framework_id");
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            writeFrameworkLists(generator, view, id);
            generator.writeEndObject();
        }));
    }

    CompletionStage<HttpResponse> slaves(HttpRequest request) {
        Optional<String> id = request.queryParameter("slave_id");
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            generator.writeArrayFieldStart("slaves");
            for (AgentView agent : view.agents()) {
                if (id.isEmpty() || agent.info().getId().getValue().equals(id.get())) {
                    StateJson.writeAgent(generator, agent);
                }
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("recovered_slaves");
            generator.writeEndArray();
            generator.writeEndObject();
        }));
    }

    CompletionStage<HttpResponse> stateSummary(HttpRequest request) {
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            generator.writeStringField("hostname", view.master().getHostname());
            if (config.cluster().isPresent()) {
                generator.writeStringField("cluster", config.cluster().get());
            }
            List<Task> all = view.frameworks().stream().flatMap(StateEndpoint::allTasks).toList();
            generator.writeArrayFieldStart("slaves");
            for (AgentView agent : view.agents()) {
                String agentId = agent.info().getId().getValue();
                generator.writeStartObject();
                StateJson.writeAgentFields(generator, agent);
                List<Task> onAgent = all.stream().filter(task -> task.getAgentId().getValue().equals(agentId))
                        .toList();
                writeCounts(generator, onAgent);
                writeIds(generator, "framework_ids", onAgent.stream().map(task -> task.getFrameworkId().getValue()));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeArrayFieldStart("frameworks");
            for (FrameworkView framework : view.frameworks()) {
                generator.writeStartObject();
                StateJson.writeFrameworkSummary(generator, framework);
                writeCounts(generator, allTasks(framework).toList());
                writeIds(generator, "slave_ids", allTasks(framework).map(task -> task.getAgentId().getValue()));
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }));
    }

    private static Stream<Task> allTasks(FrameworkView framework) {
        return Stream.of(framework.tasks(), framework.unreachableTasks(), framework.completedTasks())
                .flatMap(List::stream);
    }

    private static void writeCounts(JsonGenerator generator, List<Task> tasks) throws IOException {
        for (TaskState state : COUNTED_STATES) {
            generator.writeNumberField(state.name(), tasks.stream().filter(task -> task.getState() == state).count());
        }
    }

    private static void writeIds(JsonGenerator generator, String field, Stream<String> ids) throws IOException {
        generator.writeArrayFieldStart(field);
        for (String id : ids.distinct().sorted().toList()) {
            generator.writeString(id);
        }
        generator.writeEndArray();
    }

    CompletionStage<HttpResponse> tasks(HttpRequest request) {
        int limit = number(request, "limit", TASK_LIMIT);
        int offset = number(request, "offset", 0);
        boolean ascending = request.queryParameter("order").map("asc"::equals).orElse(false);
        Optional<String> frameworkId = request.queryParameter("framework_id");
        Optional<String> taskId = request.queryParameter("task_id");
        return master.view().thenApply(view -> {
            List<Task> tasks = new ArrayList<>();
            Stream.concat(view.frameworks().stream(), view.completedFrameworks().stream())
                    .filter(framework -> frameworkId.isEmpty()
                            || framework.info().getId().getValue().equals(frameworkId.get()))
                    .flatMap(StateEndpoint::allTasks)
                    .filter(task -> taskId.isEmpty() || task.getTaskId().getValue().equals(taskId.get()))
                    .forEach(tasks::add);
            Comparator<Task> byStart = Comparator.comparingDouble(StateEndpoint::startTime);
            tasks.sort(ascending ? byStart : byStart.reversed());
            List<Task> page = tasks.stream().skip(Math.max(0, offset)).limit(Math.max(0, limit)).toList();
            return JsonBody.respond(request, generator -> {
                generator.writeStartObject();
                generator.writeArrayFieldStart("tasks");
                for (Task task : page) {
                    StateJson.writeTask(generator, task);
                }
                generator.writeEndArray();
                generator.writeEndObject();
            });
        });
    }

    /** When the task's first status came; tasks without one sort first ascending and last descending. */
    private static double startTime(Task task) {
        return task.getStatusesCount() == 0 ? Double.NEGATIVE_INFINITY : task.getStatuses(0).getTimestamp();
    }

    private static int number(HttpRequest request, String name, int fallback) {
        try {
            return request.queryParameter(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
