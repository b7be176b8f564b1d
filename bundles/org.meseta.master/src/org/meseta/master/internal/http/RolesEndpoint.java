package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.meseta.allocator.api.Quota;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.allocation.QuotaConsumption;
import org.meseta.master.internal.operator.RoleSummaries;
import org.meseta.master.internal.operator.RoleSummaries.RoleSummary;

/**
 * Mesos's legacy {@code /roles}: {@code {"roles":[{name, weight, frameworks, resources, allocated, offered,
 * reserved, quota}]}} for the roles {@code GET_ROLES} lists, resources as legacy objects ({@code {"cpus":1.0}}).
 * {@code resources} is what is allocated or offered, as Mesos has it; {@code quota} is the role's guarantees and
 * limits (empty without quota) and what it consumes ({@link QuotaConsumption}).
 */
final class RolesEndpoint {

    private final Master master;

    RolesEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> roles(HttpRequest request) {
        return master.view().thenApply(view -> JsonBody.respond(request, generator -> write(generator, view)));
    }

    private static void writeQuantities(JsonGenerator generator, String field, Map<String, Double> quantities)
            throws IOException {
        generator.writeObjectFieldStart(field);
        for (Map.Entry<String, Double> quantity : quantities.entrySet()) {
            generator.writeNumberField(quantity.getKey(), quantity.getValue());
        }
        generator.writeEndObject();
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
            Quota quota = view.quotas().getOrDefault(role.name(), Quota.NONE);
            generator.writeObjectFieldStart("quota");
            generator.writeStringField("role", role.name());
            writeQuantities(generator, "guarantee", quota.guarantees());
            writeQuantities(generator, "limit", quota.limits());
            writeQuantities(generator, "consumed", QuotaConsumption.of(view, role.name()));
            generator.writeEndObject();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
