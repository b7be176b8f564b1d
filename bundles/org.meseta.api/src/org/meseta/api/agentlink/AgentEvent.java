package org.meseta.api.agentlink;

import com.google.protobuf.MessageOrBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.DrainConfig;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.api.json.JsonCodecException;

/**
 * What the master sends down an agent's link stream, one RecordIO record each.
 *
 * <p>JSON: {@code {"type":"REGISTERED","registered":{"agent_id":{...},"master_info":{...},
 * "ping_interval_seconds":15.0,"max_ping_timeouts":5}}}, {@code {"type":"PING"}}, and for the work the master
 * hands the agent an object with the {@code type}, the {@code framework_id} (or {@code framework_info}) it is for, and
 * one Mesos message, e.g. {@code {"type":"KILL_TASK","framework_id":{...},"kill":{"task_id":{...}}}}. Where the v1
 * scheduler API has a message with the right fields, the link uses it.
 */
public sealed interface AgentEvent {

    byte[] toJson();

    /**
     * The agent is admitted under {@code agentId}. The master pings every {@code pingInterval}; an agent
     * that has not been pinged for {@link #pingTimeout()} should consider the link dead and re-subscribe.
     */
    record Registered(AgentID agentId, MasterInfo masterInfo, Duration pingInterval, int maxPingTimeouts)
            implements AgentEvent {

        public Registered {
            Objects.requireNonNull(agentId, "agentId");
            Objects.requireNonNull(masterInfo, "masterInfo");
            Objects.requireNonNull(pingInterval, "pingInterval");
        }

        /** How long without a ping means the master has lost this agent. */
        public Duration pingTimeout() {
            return pingInterval.multipliedBy(maxPingTimeouts);
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "REGISTERED");
                generator.writeObjectFieldStart("registered");
                generator.writeFieldName("agent_id");
                LinkJson.writeMessage(generator, agentId);
                generator.writeFieldName("master_info");
                LinkJson.writeMessage(generator, masterInfo);
                generator.writeNumberField("ping_interval_seconds", pingInterval.toNanos() / 1e9);
                generator.writeNumberField("max_ping_timeouts", maxPingTimeouts);
                generator.writeEndObject();
            });
        }
    }

    /** Liveness probe; the agent answers with an {@link AgentCall.Pong}. */
    record Ping() implements AgentEvent {
        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> generator.writeStringField("type", "PING"));
        }
    }

    /**
     * Runs a task for a framework: with {@code task.command} under the agent's command executor, with
     * {@code task.executor} under that executor (started first unless it runs already).
     *
     * @param framework the framework's info, {@code id} set
     * @param task the task as the framework gave it, {@code agent_id} set and resources carrying
     *     {@code allocation_info}
     */
    record RunTask(FrameworkInfo framework, TaskInfo task) implements AgentEvent {
        public RunTask {
            Objects.requireNonNull(framework, "framework");
            Objects.requireNonNull(task, "task");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "RUN_TASK");
                LinkJson.writeMessage(generator, "framework_info", framework);
                LinkJson.writeMessage(generator, "task", task);
            });
        }
    }

    /**
     * Runs a task group (Mesos's {@code RunTaskGroupMessage}): its tasks start together under {@code executor}, the
     * agent's default executor for type {@code DEFAULT} (a framework's own executor, for type {@code CUSTOM}, gets
     * the group in one {@code LAUNCH_GROUP} event), which is started first unless it runs already. JSON:
     * {@code {"type":"RUN_TASK_GROUP","framework_info":{...},"executor_info":{...},"task_group":{"tasks":[...]}}}.
     *
     * @param framework the framework's info, {@code id} set
     * @param executor the group's executor, {@code framework_id} set and resources carrying {@code allocation_info}
     * @param taskGroup the tasks, each with {@code agent_id}, the {@code executor} and resources carrying
     *     {@code allocation_info}
     */
    record RunTaskGroup(FrameworkInfo framework, ExecutorInfo executor, TaskGroupInfo taskGroup)
            implements AgentEvent {
        public RunTaskGroup {
            Objects.requireNonNull(framework, "framework");
            Objects.requireNonNull(executor, "executor");
            Objects.requireNonNull(taskGroup, "taskGroup");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "RUN_TASK_GROUP");
                LinkJson.writeMessage(generator, "framework_info", framework);
                LinkJson.writeMessage(generator, "executor_info", executor);
                LinkJson.writeMessage(generator, "task_group", taskGroup);
            });
        }
    }

    /** Kills a task; {@code kill.kill_policy}, when set, overrides the task's. */
    record KillTask(FrameworkID frameworkId, Call.Kill kill) implements AgentEvent {
        public KillTask {
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(kill, "kill");
        }

        @Override
        public byte[] toJson() {
            return withFramework("KILL_TASK", frameworkId, "kill", kill);
        }
    }

    /** Shuts an executor down: its tasks are killed, then it is asked to exit, then killed after the grace period. */
    record ShutdownExecutor(FrameworkID frameworkId, Call.Shutdown shutdown) implements AgentEvent {
        public ShutdownExecutor {
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(shutdown, "shutdown");
        }

        @Override
        public byte[] toJson() {
            return withFramework("SHUTDOWN_EXECUTOR", frameworkId, "shutdown", shutdown);
        }
    }

    /** The framework is gone (torn down, or failed over too late): shut down all its executors and tasks. */
    record ShutdownFramework(FrameworkID frameworkId) implements AgentEvent {
        public ShutdownFramework {
            Objects.requireNonNull(frameworkId, "frameworkId");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "SHUTDOWN_FRAMEWORK");
                LinkJson.writeMessage(generator, "framework_id", frameworkId);
            });
        }
    }

    /** The framework acknowledged the status update with {@code acknowledge.uuid}: forward the task's next one. */
    record Acknowledge(FrameworkID frameworkId, Call.Acknowledge acknowledge) implements AgentEvent {
        public Acknowledge {
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(acknowledge, "acknowledge");
        }

        @Override
        public byte[] toJson() {
            return withFramework("ACKNOWLEDGE", frameworkId, "acknowledge", acknowledge);
        }
    }

    /** A framework's message for one of its executors on this agent. */
    record FrameworkMessage(FrameworkID frameworkId, Call.Message message) implements AgentEvent {
        public FrameworkMessage {
            Objects.requireNonNull(frameworkId, "frameworkId");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public byte[] toJson() {
            return withFramework("FRAMEWORK_MESSAGE", frameworkId, "message", message);
        }
    }

    /**
     * The agent's total resources changed (a dynamic reservation was made or undone): from now on it has
     * {@code total}, and reports it in {@link AgentSubscribe#totalResources()} when it subscribes again. JSON:
     * {@code {"type":"UPDATE_TOTAL","total_resources":[...]}}.
     *
     * @param total every resource of the agent, post-refinement, without allocation info
     */
    record UpdateTotal(List<Resource> total) implements AgentEvent {
        public UpdateTotal {
            total = List.copyOf(total);
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "UPDATE_TOTAL");
                generator.writeArrayFieldStart("total_resources");
                for (Resource resource : total) {
                    LinkJson.writeMessage(generator, resource);
                }
                generator.writeEndArray();
            });
        }
    }

    /**
     * The operator drains this agent (Mesos's {@code DrainSlaveMessage}): kill every task, each with its own kill
     * policy but a grace period of at most {@code config.max_grace_period} when that is set. The master no longer
     * offers the agent's resources; it counts the agent drained once every task has ended and its terminal update
     * is acknowledged.
     */
    record Drain(DrainConfig config) implements AgentEvent {
        public Drain {
            Objects.requireNonNull(config, "config");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "DRAIN");
                LinkJson.writeMessage(generator, "drain_config", config);
            });
        }
    }

    /**
     * The master refuses this agent for good (Mesos's {@code ShutdownMessage}), e.g. because the operator marked it
     * gone: shut everything down and stop subscribing. The master closes the link after sending it.
     */
    record Shutdown(String message) implements AgentEvent {
        public Shutdown {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> {
                generator.writeStringField("type", "SHUTDOWN");
                generator.writeStringField("message", message);
            });
        }
    }

    /** Reads one event; unknown types are an error so that a newer master is noticed, not ignored. */
    public static AgentEvent fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, fields -> {
            String type = fields.string("type");
            return switch (type) {
                case "PING" -> new Ping();
                case "REGISTERED" -> fields.object("registered", AgentEvent::registered);
                case "RUN_TASK" -> new RunTask(fields.message("framework_info", FrameworkInfo.newBuilder()).build(),
                        fields.message("task", TaskInfo.newBuilder()).build());
                case "RUN_TASK_GROUP" -> new RunTaskGroup(
                        fields.message("framework_info", FrameworkInfo.newBuilder()).build(),
                        fields.message("executor_info", ExecutorInfo.newBuilder()).build(),
                        fields.message("task_group", TaskGroupInfo.newBuilder()).build());
                case "KILL_TASK" -> new KillTask(frameworkId(fields),
                        fields.message("kill", Call.Kill.newBuilder()).build());
                case "SHUTDOWN_EXECUTOR" -> new ShutdownExecutor(frameworkId(fields),
                        fields.message("shutdown", Call.Shutdown.newBuilder()).build());
                case "SHUTDOWN_FRAMEWORK" -> new ShutdownFramework(frameworkId(fields));
                case "ACKNOWLEDGE" -> new Acknowledge(frameworkId(fields),
                        fields.message("acknowledge", Call.Acknowledge.newBuilder()).build());
                case "FRAMEWORK_MESSAGE" -> new FrameworkMessage(frameworkId(fields),
                        fields.message("message", Call.Message.newBuilder()).build());
                case "UPDATE_TOTAL" -> new UpdateTotal(fields.messages("total_resources", Resource::newBuilder));
                case "DRAIN" -> new Drain(fields.message("drain_config", DrainConfig.newBuilder()).build());
                case "SHUTDOWN" -> new Shutdown(fields.string("message"));
                default -> throw new JsonCodecException("Unknown agent event type '" + type + "'");
            };
        });
    }

    private static FrameworkID frameworkId(LinkJson.Fields fields) throws JsonCodecException {
        return fields.message("framework_id", FrameworkID.newBuilder()).build();
    }

    private static byte[] withFramework(String type, FrameworkID frameworkId, String name,
            MessageOrBuilder message) {
        return LinkJson.write(generator -> {
            generator.writeStringField("type", type);
            LinkJson.writeMessage(generator, "framework_id", frameworkId);
            LinkJson.writeMessage(generator, name, message);
        });
    }

    private static Registered registered(LinkJson.Fields fields) throws JsonCodecException {
        double interval = fields.number("ping_interval_seconds");
        double timeouts = fields.number("max_ping_timeouts");
        if (!(interval > 0) || timeouts < 1 || timeouts != Math.rint(timeouts)) {
            throw new JsonCodecException("Invalid ping schedule: interval " + interval + "s, timeouts " + timeouts);
        }
        return new Registered(
                fields.message("agent_id", AgentID.newBuilder()).build(),
                fields.message("master_info", MasterInfo.newBuilder()).build(),
                Duration.ofNanos(Math.round(interval * 1e9)),
                (int) timeouts);
    }
}
