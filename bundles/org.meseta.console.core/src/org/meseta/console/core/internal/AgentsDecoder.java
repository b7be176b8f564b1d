package org.meseta.console.core.internal;

import java.util.List;

import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Value;
import org.apache.mesos.v1.master.Protos.Response;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.resources.Attributes;
import org.meseta.console.core.AgentRow;
import org.meseta.console.core.ClusterSnapshot;
import org.meseta.console.core.ResourceAmounts;

import com.google.protobuf.UninitializedMessageException;

/** Reads a master's JSON answer to {@code GET_AGENTS} into a {@link ClusterSnapshot}. Stateless. */
final class AgentsDecoder {

    /** The answer could not be read; the message says why, for the user. */
    static final class MalformedAnswerException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedAnswerException(String message) {
            super(message);
        }
    }

    private AgentsDecoder() {
    }

    static ClusterSnapshot decode(byte[] json) throws MalformedAnswerException {
        Response response;
        try {
            Response.Builder builder = Response.newBuilder();
            JsonCodec.decode(json, builder);
            response = builder.build();
        } catch (JsonCodecException | UninitializedMessageException e) {
            throw new MalformedAnswerException("malformed GET_AGENTS response: " + e.getMessage());
        }
        if (response.getType() != Response.Type.GET_AGENTS || !response.hasGetAgents()) {
            throw new MalformedAnswerException("expected a GET_AGENTS response, got type " + response.getType());
        }
        return toSnapshot(response.getGetAgents());
    }

    static ClusterSnapshot toSnapshot(GetAgents agents) {
        return new ClusterSnapshot(agents.getAgentsList().stream().map(AgentsDecoder::toRow).toList());
    }

    private static AgentRow toRow(GetAgents.Agent agent) {
        // Older masters leave total_resources out; agent_info.resources is then the total.
        List<Resource> total = agent.getTotalResourcesCount() > 0 ? agent.getTotalResourcesList()
                : agent.getAgentInfo().getResourcesList();
        return new AgentRow(agent.getAgentInfo().getId().getValue(), agent.getAgentInfo().getHostname(),
                sum(total), sum(agent.getAllocatedResourcesList()),
                Attributes.toText(agent.getAgentInfo().getAttributesList()), agent.getActive());
    }

    private static ResourceAmounts sum(List<Resource> resources) {
        return new ResourceAmounts(scalar(resources, "cpus"), scalar(resources, "mem"), scalar(resources, "disk"));
    }

    private static double scalar(List<Resource> resources, String name) {
        return resources.stream()
                .filter(r -> r.getName().equals(name) && r.getType() == Value.Type.SCALAR)
                .mapToDouble(r -> r.getScalar().getValue())
                .sum();
    }
}
