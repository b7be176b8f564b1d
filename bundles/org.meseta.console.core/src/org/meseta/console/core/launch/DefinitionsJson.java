package org.meseta.console.core.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.meseta.api.json.JsonCodec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * Task definitions as JSON text, for preference stores: an array of
 * {@code {"name":…,"command":…,"resources":…,"role":…,"environment":…}}, every field the text as typed. Reading is
 * forgiving: unknown fields are skipped, missing ones are empty, and text that is not such an array gives what could
 * be read before it went wrong (nothing, at worst), so a damaged preference never stops the console. Stateless.
 */
final class DefinitionsJson {

    private DefinitionsJson() {
    }

    static String write(List<TaskDefinition> definitions) {
        return new String(JsonCodec.document(generator -> {
            generator.writeStartArray();
            for (TaskDefinition definition : definitions) {
                write(generator, definition);
            }
            generator.writeEndArray();
        }), StandardCharsets.UTF_8);
    }

    private static void write(JsonGenerator generator, TaskDefinition definition) throws IOException {
        generator.writeStartObject();
        generator.writeStringField("name", definition.name());
        generator.writeStringField("command", definition.command());
        generator.writeStringField("resources", definition.resources());
        generator.writeStringField("role", definition.role());
        generator.writeStringField("environment", definition.environment());
        generator.writeEndObject();
    }

    static List<TaskDefinition> read(String json) {
        List<TaskDefinition> definitions = new ArrayList<>();
        if (json == null || json.isBlank()) {
            return definitions;
        }
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return definitions;
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                definitions.add(definition(parser));
            }
        } catch (IOException damaged) {
            // what was read before the damage is kept
        }
        return definitions;
    }

    private static TaskDefinition definition(JsonParser parser) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                fields.put(name, parser.getText());
            } else {
                parser.skipChildren();
            }
        }
        return new TaskDefinition(fields.get("name"), fields.get("command"), fields.get("resources"),
                fields.get("role"), fields.get("environment"));
    }
}
