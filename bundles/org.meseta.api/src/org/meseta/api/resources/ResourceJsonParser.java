package org.meseta.api.resources;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;

/**
 * The JSON form of resources: an array of {@code Resource} objects in Mesos JSON, in either reservation format.
 * A resource with neither {@code role} nor {@code reservations} gets the default role, as in Mesos. The result is
 * validated and converted to the post-refinement format.
 */
final class ResourceJsonParser {
    private ResourceJsonParser() {
    }

    /**
     * @param text a JSON array
     * @param defaultRole a valid role for resources without one
     * @return the validated resources (post-refinement), in order, not yet combined
     * @throws ResourceParseException for malformed JSON or an invalid resource (named by its index)
     */
    static List<Resource> parse(String text, String defaultRole) throws ResourceParseException {
        try (JsonParser parser = JsonCodec.factory().createParser(text)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new ResourceParseException("Invalid resources JSON: expected an array of resource objects");
            }
            List<Resource> resources = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                resources.add(element(parser, resources.size(), defaultRole));
            }
            if (parser.nextToken() != null) {
                throw new ResourceParseException("Invalid resources JSON: unexpected content after the array");
            }
            return resources;
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new ResourceParseException("Invalid resources JSON: " + e.getOriginalMessage()
                    + (where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")"));
        } catch (IOException e) {
            // A parser over a String does no I/O; anything else is a syntax problem reported the same way.
            throw new ResourceParseException("Invalid resources JSON: " + e.getMessage());
        }
    }

    @SuppressWarnings("deprecation") // Mesos applies the default role through the deprecated 'role' field.
    private static Resource element(JsonParser parser, int index, String defaultRole)
            throws IOException, ResourceParseException {
        String position = "Invalid resource at index " + index + " of the JSON array";
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw new ResourceParseException(position + ": expected a resource object, found " + parser.getText());
        }
        Resource.Builder builder;
        try {
            builder = JsonCodec.read(parser, Resource.newBuilder());
        } catch (JsonCodecException e) {
            throw new ResourceParseException(position + ": " + e.getMessage());
        }
        if (!builder.isInitialized()) {
            throw new ResourceParseException(position + ": missing required field(s) "
                    + String.join(", ", builder.findInitializationErrors()));
        }
        if (!builder.hasRole() && builder.getReservationsCount() == 0) {
            builder.setRole(defaultRole);
        }
        Resource resource = builder.build();
        Optional<String> problem = ResourceValidator.problem(resource);
        if (problem.isPresent()) {
            throw new ResourceParseException("Invalid resource '" + ResourceText.format(resource) + "' at index "
                    + index + ": " + problem.get());
        }
        return Reservations.upgrade(resource);
    }
}
