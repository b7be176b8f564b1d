package org.meseta.api.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.json.JsonCodec;

/**
 * The resource fields of an agent in Mesos's legacy endpoints (the master's {@code /state} slave entries and the
 * agent's own {@code /slave(1)/state}), one writer for both so they cannot drift apart:
 * <ul>
 * <li>{@code resources}: the total as a resources object ({@link Resources#writeLegacyJson});</li>
 * <li>{@code reserved_resources}: role to resources object, e.g. {@code {"ml":{"cpus":0.0,"gpus":1.0,...}}};</li>
 * <li>{@code unreserved_resources}: the resources object of what is not reserved;</li>
 * <li>{@code reserved_resources_full}: role to an array of {@code Resource} JSON in Mesos's "endpoint" format
 * (a single reservation is also given as the deprecated {@code role}, and {@code reservation} when dynamic), as
 * operators feed them back to {@code /unreserve}.</li>
 * </ul>
 * Roles are keyed by their most refined reservation ({@link Resources#reservedByRole()}).
 *
 * <p>Stateless and thread-safe.
 */
public final class LegacyResourceFields {
    private LegacyResourceFields() {
    }

    /**
     * Writes the four fields into the object the generator is in.
     *
     * @param generator positioned inside an object, where a field name may follow
     * @param total the agent's total resources
     * @throws IOException from the generator
     */
    public static void write(JsonGenerator generator, Resources total) throws IOException {
        Map<String, Resources> reserved = total.reservedByRole();
        generator.writeFieldName("resources");
        total.writeLegacyJson(generator);
        generator.writeObjectFieldStart("reserved_resources");
        for (Map.Entry<String, Resources> role : reserved.entrySet()) {
            generator.writeFieldName(role.getKey());
            role.getValue().writeLegacyJson(generator);
        }
        generator.writeEndObject();
        generator.writeFieldName("unreserved_resources");
        total.unreserved().writeLegacyJson(generator);
        generator.writeObjectFieldStart("reserved_resources_full");
        for (Map.Entry<String, Resources> role : reserved.entrySet()) {
            generator.writeArrayFieldStart(role.getKey());
            for (Resource resource : role.getValue()) {
                JsonCodec.write(generator, Reservations.toEndpointFormat(resource));
            }
            generator.writeEndArray();
        }
        generator.writeEndObject();
    }
}
