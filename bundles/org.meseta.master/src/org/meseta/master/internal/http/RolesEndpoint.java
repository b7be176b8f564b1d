package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.concurrent.CompletionStage;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.operator.RoleSummaries;
import org.meseta.master.internal.operator.RoleSummaries.RoleSummary;

/**
 * Mesos's legacy {@code /roles}: {@code {"roles":[{name, weight, frameworks, resources, allocated, offered,
 * reserved, quota}]}} for the roles {@code GET_ROLES} lists, resources as legacy objects ({@code {"cpus":1.0}}).
 * {@code resources} is what is allocated or offered, as Mesos has it; quota is always empty until Meseta has quota.
 */
final class RolesEndpoint {

    private final Master master;

    RolesEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> roles(HttpRequest request) {
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> write(generator, view)));
    }

    private static void write(JsonGenerator generator, ClusterView view) throws IOException {
        generator.writeStartObject();
        generator.writeArrayFieldStart("roles");
        for (RoleSummary role : RoleSummaries.of(view)) {
            generator.writeStartObject();
            generator.writeStringField("name", role.name());
            generator.writeNumberField("weight", role.weight());
            generator.writeArrayFieldStart("frameworks");
            for (String id : role.frameworks()) {
                generator.writeString(id);
            }
            generator.writeEndArray();
            StateJson.writeResources(generator, "resources", role.allocated().plus(role.offered()));
            StateJson.writeResources(generator, "allocated", role.allocated());
            StateJson.writeResources(generator, "offered", role.offered());
            StateJson.writeResources(generator, "reserved", role.reserved());
            generator.writeObjectFieldStart("quota");
            generator.writeStringField("role", role.name());
            for (String field : new String[] {"guarantee", "limit", "consumed"}) {
                generator.writeObjectFieldStart(field);
                generator.writeEndObject();
            }
            generator.writeEndObject();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
