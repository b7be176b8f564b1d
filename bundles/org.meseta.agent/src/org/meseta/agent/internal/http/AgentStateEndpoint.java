package org.meseta.agent.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.meseta.agent.internal.Agent;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.LegacyResourceFields;
import org.meseta.daemon.CommonEndpoints;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/** {@code /slave(1)/state} in the shape Mesos's web UI and tools read, frameworks down to tasks included. */
final class AgentStateEndpoint {

    private final Agent agent;

    AgentStateEndpoint(Agent agent) {
        this.agent = agent;
    }

    CompletionStage<HttpResponse> state(HttpRequest request) {
        return agent.view().thenApply(view -> JsonBody.respond(request, generator -> write(generator, view)));
    }

    private void write(JsonGenerator generator, Agent.View view) throws IOException {
        generator.writeStartObject();
        CommonEndpoints.writeVersionFields(generator);
        generator.writeNumberField("start_time", JsonBody.seconds(view.startTime()));
        if (view.info().hasId()) {
            generator.writeStringField("id", view.info().getId().getValue());
        }
        generator.writeStringField("pid", agent.pid());
        generator.writeStringField("hostname", view.info().getHostname());
        generator.writeNumberField("port", view.info().getPort());
        generator.writeArrayFieldStart("capabilities");
        generator.writeEndArray();
        LegacyResourceFields.write(generator, view.total());
        generator.writeFieldName("attributes");
        Attributes.writeLegacyJson(generator, view.info().getAttributesList());
        if (view.master().isPresent()) {
            generator.writeStringField("master_hostname", view.master().get().getHostname());
        }
        generator.writeBooleanField("connected_to_master", view.connected());
        CommonEndpoints.writeFlags(generator, agent.config().flags());
        StateJson.frameworks(generator, "frameworks", view.workload().frameworks());
        StateJson.frameworks(generator, "completed_frameworks", view.workload().completedFrameworks());
        generator.writeEndObject();
    }
}
