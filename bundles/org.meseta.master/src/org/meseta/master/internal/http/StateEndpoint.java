package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.LegacyResourceFields;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.MasterConfig;

/** {@code /state} in the shape Mesos's web UI and tools read. */
final class StateEndpoint {

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
        generator.writeNumberField("elected_time", JsonBody.seconds(view.startTime()));
        generator.writeStringField("id", view.master().getId());
        generator.writeStringField("pid", view.master().getPid());
        generator.writeStringField("hostname", view.master().getHostname());
        generator.writeArrayFieldStart("capabilities");
        generator.writeEndArray();
        generator.writeNumberField("activated_slaves", view.activeAgents());
        generator.writeNumberField("deactivated_slaves", view.agents().size() - view.activeAgents());
        generator.writeNumberField("unreachable_slaves", 0);
        generator.writeStringField("leader", view.master().getPid());
        generator.writeFieldName("leader_info");
        JsonCodec.write(generator, view.master());
        if (config.cluster().isPresent()) {
            generator.writeStringField("cluster", config.cluster().get());
        }
        CommonEndpoints.writeFlags(generator, config.flags());
        generator.writeArrayFieldStart("slaves");
        for (AgentView agent : view.agents()) {
            writeAgent(generator, agent);
        }
        generator.writeEndArray();
        for (String empty : List.of("recovered_slaves", "frameworks", "completed_frameworks", "orphan_tasks",
                "unregistered_frameworks")) {
            generator.writeArrayFieldStart(empty);
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }

    private static void writeAgent(JsonGenerator generator, AgentView agent) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("id", agent.info().getId().getValue());
        generator.writeStringField("pid", agent.pid());
        generator.writeStringField("hostname", agent.info().getHostname());
        generator.writeNumberField("port", agent.info().getPort());
        generator.writeFieldName("attributes");
        Attributes.writeLegacyJson(generator, agent.info().getAttributesList());
        LegacyResourceFields.write(generator, agent.total());
        // Nothing is offered or used before the allocator and tasks exist.
        generator.writeFieldName("used_resources");
        Resources.empty().writeLegacyJson(generator);
        generator.writeFieldName("offered_resources");
        Resources.empty().writeLegacyJson(generator);
        generator.writeNumberField("registered_time", JsonBody.seconds(agent.registeredTime()));
        if (agent.reregisteredTime().isPresent()) {
            generator.writeNumberField("reregistered_time", JsonBody.seconds(agent.reregisteredTime().get()));
        }
        generator.writeBooleanField("active", agent.active());
        generator.writeBooleanField("deactivated", false);
        generator.writeStringField("version", agent.version());
        generator.writeArrayFieldStart("capabilities");
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
