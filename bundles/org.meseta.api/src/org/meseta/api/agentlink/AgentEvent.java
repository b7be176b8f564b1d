package org.meseta.api.agentlink;

import java.time.Duration;
import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.json.JsonCodecException;

/**
 * What the master sends down an agent's link stream, one RecordIO record each.
 *
 * <p>JSON: {@code {"type":"REGISTERED","registered":{"agent_id":{...},"master_info":{...},
 * "ping_interval_seconds":15.0,"max_ping_timeouts":5}}} and {@code {"type":"PING"}}.
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

    /** Liveness probe; the agent answers with an {@link AgentPong}. */
    record Ping() implements AgentEvent {
        @Override
        public byte[] toJson() {
            return LinkJson.write(generator -> generator.writeStringField("type", "PING"));
        }
    }

    /** Reads one event; unknown types are an error so that a newer master is noticed, not ignored. */
    public static AgentEvent fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, fields -> {
            String type = fields.string("type");
            return switch (type) {
                case "PING" -> new Ping();
                case "REGISTERED" -> fields.object("registered", AgentEvent::registered);
                default -> throw new JsonCodecException("Unknown agent event type '" + type + "'");
            };
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
