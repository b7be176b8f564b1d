package org.meseta.api.agentlink;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.json.JsonCodecException;

/**
 * What an agent tells its master, each as the body of one {@code POST} {@value AgentLink#CALL_PATH}. The master
 * answers 202 once it has taken the call, 400 with the reason for a malformed one, and 404 when it does not know the
 * agent (the agent must subscribe again).
 *
 * <p>JSON: {@code {"type":"PONG","agent_id":{...}}}, and for the others the {@code type}, {@code agent_id},
 * {@code framework_id} and one Mesos message, e.g.
 * {@code {"type":"UPDATE","agent_id":{...},"framework_id":{...},"update":{"status":{...}},"latest_state":"TASK_RUNNING"}}.
 */
public sealed interface AgentCall {

    /** The agent that calls. */
    AgentID agentId();

    byte[] toJson();

    /** The answer to a {@link AgentEvent.Ping}. */
    record Pong(AgentID agentId) implements AgentCall {
        public Pong {
            Objects.requireNonNull(agentId, "agentId");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "PONG");
                LinkJson.writeMessage(generator, "agent_id", agentId);
            });
        }
    }

    /**
     * A task's status update, forwarded reliably: the agent sends the oldest unacknowledged update of each task
     * again and again (10 s, doubling up to 10 min) until the master forwards the framework's acknowledgement as
     * {@link AgentEvent.Acknowledge}.
     *
     * @param update its {@code status} carries the {@code uuid} to acknowledge, {@code agent_id} and, for tasks of an
     *     executor, {@code executor_id}
     * @param latestState the task's newest state on the agent, which may be ahead of {@code update}'s while older
     *     updates wait for acknowledgement
     */
    record Update(AgentID agentId, FrameworkID frameworkId, Event.Update update, TaskState latestState)
            implements AgentCall {
        public Update {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(update, "update");
            Objects.requireNonNull(latestState, "latestState");
        }

        public TaskStatus status() {
            return update.getStatus();
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                writeHead(generator, "UPDATE", agentId, frameworkId);
                LinkJson.writeMessage(generator, "update", update);
                generator.writeStringField("latest_state", latestState.name());
            });
        }
    }

    /** An executor's message for its framework ({@code message.agent_id} and {@code executor_id} set). */
    record ExecutorMessage(AgentID agentId, FrameworkID frameworkId, Event.Message message) implements AgentCall {
        public ExecutorMessage {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                writeHead(generator, "EXECUTOR_MESSAGE", agentId, frameworkId);
                LinkJson.writeMessage(generator, "message", message);
            });
        }
    }

    /**
     * A custom executor ended ({@code failure.executor_id} and {@code status}, the wait status, set); its tasks'
     * terminal updates come as {@link Update}s. The master tells the framework with a {@code FAILURE} event.
     */
    record ExecutorExited(AgentID agentId, FrameworkID frameworkId, Event.Failure failure) implements AgentCall {
        public ExecutorExited {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(failure, "failure");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                writeHead(generator, "EXECUTOR_EXITED", agentId, frameworkId);
                LinkJson.writeMessage(generator, "failure", failure);
            });
        }
    }

    /** Reads one call; an unknown type is an error. */
    static AgentCall fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, fields -> {
            String type = fields.string("type");
            AgentID agentId = fields.message("agent_id", AgentID.newBuilder()).build();
            if (type.equals("PONG")) {
                return new Pong(agentId);
            }
            FrameworkID frameworkId = fields.message("framework_id", FrameworkID.newBuilder()).build();
            return switch (type) {
                case "UPDATE" -> new Update(agentId, frameworkId,
                        fields.message("update", Event.Update.newBuilder()).build(), taskState(fields));
                case "EXECUTOR_MESSAGE" -> new ExecutorMessage(agentId, frameworkId,
                        fields.message("message", Event.Message.newBuilder()).build());
                case "EXECUTOR_EXITED" -> new ExecutorExited(agentId, frameworkId,
                        fields.message("failure", Event.Failure.newBuilder()).build());
                default -> throw new JsonCodecException("Unknown agent call type '" + type + "'");
            };
        });
    }

    private static TaskState taskState(LinkJson.Fields fields) throws JsonCodecException {
        String name = fields.string("latest_state");
        try {
            return TaskState.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new JsonCodecException("Field 'latest_state' must be a task state, got '" + name + "'");
        }
    }

    private static void writeHead(JsonGenerator generator, String type, AgentID agentId, FrameworkID frameworkId)
            throws IOException {
        generator.writeStringField("type", type);
        LinkJson.writeMessage(generator, "agent_id", agentId);
        LinkJson.writeMessage(generator, "framework_id", frameworkId);
    }
}
