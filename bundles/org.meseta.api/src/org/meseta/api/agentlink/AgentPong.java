package org.meseta.api.agentlink;

import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentID;
import org.meseta.api.json.JsonCodecException;

/** An agent's answer to a {@link AgentEvent.Ping}. JSON: {@code {"agent_id":{"value":"..."}}}. */
public record AgentPong(AgentID agentId) {

    public AgentPong {
        Objects.requireNonNull(agentId, "agentId");
    }

    public byte[] toJson() {
        return LinkJson.write(generator -> {
            generator.writeFieldName("agent_id");
            LinkJson.writeMessage(generator, agentId);
        });
    }

    public static AgentPong fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, fields -> new AgentPong(fields.message("agent_id", AgentID.newBuilder()).build()));
    }
}
