package org.meseta.api.resources;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Resource;

/**
 * The hand-built JSON objects of Mesos's legacy endpoints ({@code /master/state}, {@code /slave(1)/state}, ...)
 * for resources and attributes. Tools and the web UI read these, so the shapes follow Mesos exactly.
 */
final class LegacyJson {
    /** Always present in a resources object, as 0 when absent. */
    private static final List<String> STANDARD_SCALARS = List.of("cpus", "gpus", "mem", "disk");

    private LegacyJson() {
    }

    /**
     * Writes {@code {"cpus":2.0,"gpus":0.0,"mem":1024.0,"disk":0.0,"ports":"[31000-32000]"}}: one field per
     * resource name, summed over roles; scalars as numbers, ranges and sets as their text forms; revocable
     * resources under {@code <name>_revocable}.
     */
    static void writeResources(JsonGenerator generator, List<ResourceEntry> entries) throws IOException {
        Map<String, ResourceValue> scalars = new LinkedHashMap<>();
        STANDARD_SCALARS.forEach(name -> scalars.put(name, new ResourceValue.OfScalar(0)));
        Map<String, ResourceValue> ranges = new LinkedHashMap<>();
        Map<String, ResourceValue> sets = new LinkedHashMap<>();
        // Mesos holds a shared resource once with a count; it contributes its value once.
        Set<ResourceEntry> sharedSeen = new HashSet<>();
        for (ResourceEntry entry : entries) {
            Resource resource = entry.resource();
            if (resource.hasShared() && !sharedSeen.add(entry)) {
                continue;
            }
            String name = resource.getName() + (resource.hasRevocable() ? "_revocable" : "");
            Map<String, ResourceValue> byName = switch (resource.getType()) {
                case SCALAR -> scalars;
                case RANGES -> ranges;
                case SET, TEXT -> sets;
            };
            byName.merge(name, entry.value(), ResourceValue::plus);
        }
        generator.writeStartObject();
        for (Map.Entry<String, ResourceValue> scalar : scalars.entrySet()) {
            generator.writeNumberField(scalar.getKey(),
                    Scalars.toDouble(((ResourceValue.OfScalar) scalar.getValue()).millis()));
        }
        for (Map<String, ResourceValue> byName : List.of(ranges, sets)) {
            for (Map.Entry<String, ResourceValue> value : byName.entrySet()) {
                generator.writeStringField(value.getKey(), value.getValue().toString());
            }
        }
        generator.writeEndObject();
    }

    /**
     * Writes {@code {"rack":"r1","level":3.0,"slots":"[1-4]"}}: scalars as numbers, ranges and sets as their text
     * forms (ranges as given), text as is.
     */
    static void writeAttributes(JsonGenerator generator, List<Attribute> attributes) throws IOException {
        generator.writeStartObject();
        for (Attribute attribute : attributes) {
            switch (attribute.getType()) {
                case SCALAR -> generator.writeNumberField(attribute.getName(), attribute.getScalar().getValue());
                case RANGES -> generator.writeStringField(attribute.getName(),
                        ResourceText.ranges(attribute.getRanges()));
                case SET -> generator.writeStringField(attribute.getName(),
                        "{" + String.join(", ", attribute.getSet().getItemList()) + "}");
                case TEXT -> generator.writeStringField(attribute.getName(), attribute.getText().getValue());
            }
        }
        generator.writeEndObject();
    }
}
