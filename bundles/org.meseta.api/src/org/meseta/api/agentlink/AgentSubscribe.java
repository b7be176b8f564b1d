package org.meseta.api.agentlink;

import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.json.JsonCodecException;

/**
 * An agent's request to join: what it offers ({@code agent_info}, with {@code id} set when it was admitted
 * before), where it serves HTTP ({@code pid}, {@code slave(1)@ip:port}) and its version.
 *
 * <p>JSON: {@code {"agent_info":{...},"pid":"slave(1)@127.0.0.1:5051","version":"1.11.0"}}.
 */
public record AgentSubscribe(AgentInfo agentInfo, String pid, String version) {

    public AgentSubscribe {
        Objects.requireNonNull(agentInfo, "agentInfo");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(version, "version");
    }

    public byte[] toJson() {
        return LinkJson.write(generator -> {
            generator.writeFieldName("agent_info");
            LinkJson.writeMessage(generator, agentInfo);
            generator.writeStringField("pid", pid);
            generator.writeStringField("version", version);
        });
    }

    public static AgentSubscribe fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, AgentSubscribe::readFields);
    }

    private static AgentSubscribe readFields(LinkJson.Fields fields) throws JsonCodecException {
        AgentInfo info = fields.message("agent_info", AgentInfo.newBuilder()).build();
        String pid = fields.string("pid");
        if (!pid.matches("slave\\(\\d+\\)@[^:@]+:\\d{1,5}")) {
            throw new JsonCodecException("Invalid agent pid '" + pid + "': expected slave(N)@ip:port");
        }
        return new AgentSubscribe(info, pid, fields.string("version"));
    }
}
