package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Role;
import org.meseta.allocator.api.Quota;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.ClusterView;
import org.meseta.master.internal.ClusterView.AgentView;
import org.meseta.master.internal.ClusterView.FrameworkView;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.allocation.QuotaConsumption;
import org.meseta.master.internal.offers.OutstandingOffer;

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
        Map<String, Resources> offered = new TreeMap<>();
        for (FrameworkView framework : view.frameworks()) {
            for (OutstandingOffer offer : framework.offers()) {
                offered.merge(offer.role(), offer.resources(), Resources::plus);
            }
        }
        Map<String, Resources> reserved = new TreeMap<>();
        for (AgentView agent : view.agents()) {
            agent.total().reservedByRole().forEach((role, resources) -> reserved.merge(role, resources,
                    Resources::plus));
        }
        generator.writeStartObject();
        generator.writeArrayFieldStart("roles");
        for (Role role : OperatorResponses.roles(view).getRolesList()) {
            Resources allocated = Resources.ofValidated(role.getResourcesList());
            Resources roleOffered = offered.getOrDefault(role.getName(), Resources.empty());
            generator.writeStartObject();
            generator.writeStringField("name", role.getName());
            generator.writeNumberField("weight", role.getWeight());
            generator.writeArrayFieldStart("frameworks");
            for (FrameworkID id : role.getFrameworksList()) {
                generator.writeString(id.getValue());
            }
            generator.writeEndArray();
            StateJson.writeResources(generator, "resources", allocated.plus(roleOffered));
            StateJson.writeResources(generator, "allocated", allocated);
            StateJson.writeResources(generator, "offered", roleOffered);
            StateJson.writeResources(generator, "reserved", reserved.getOrDefault(role.getName(), Resources.empty()));
            Quota quota = view.quotas().getOrDefault(role.getName(), Quota.NONE);
            generator.writeObjectFieldStart("quota");
            generator.writeStringField("role", role.getName());
            writeQuantities(generator, "guarantee", quota.guarantees());
            writeQuantities(generator, "limit", quota.limits());
            writeQuantities(generator, "consumed", QuotaConsumption.of(view, role.getName()));
            generator.writeEndObject();
            generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
    }
}
