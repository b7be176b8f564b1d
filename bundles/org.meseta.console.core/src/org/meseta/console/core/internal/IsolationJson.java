package org.meseta.console.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.meseta.api.json.JsonCodec;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.Encoding;
import org.meseta.console.core.calls.FieldError;
import org.meseta.console.core.calls.IsolationChange;
import org.meseta.console.core.calls.IsolationField;
import org.meseta.console.core.calls.IsolationSettings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * The JSON of an agent's {@code /api/v1/meseta/isolation} (docs/isolation.md): the settings it answers, the change
 * the console sends, and the {@code {"errors":[{"field":...,"message":...}]}} of a refusal. Unknown fields are
 * skipped. Stateless.
 */
final class IsolationJson {

    /** How the agent's answers become results. */
    static final HttpCallClient.Answer<IsolationSettings> ANSWER = new HttpCallClient.Answer<>() {
        @Override
        public IsolationSettings value(byte[] body, Encoding encoding) throws MalformedRecordException {
            return read(body);
        }

        @Override
        public CallResult.Refused<IsolationSettings> refusal(int status, byte[] body) {
            List<FieldError> errors = errors(body);
            String message = errors.isEmpty() ? new String(body, StandardCharsets.UTF_8).strip()
                    : errors.stream().map(error -> error.field() + ": " + error.message())
                            .collect(Collectors.joining("; "));
            return new CallResult.Refused<>(status, message, errors);
        }
    };

    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    private IsolationJson() {
    }

    /** The settings a GET or an accepted PUT answers. */
    static IsolationSettings read(byte[] json) throws MalformedRecordException {
        Fields fields = new Fields();
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                fields.read(name, parser);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new MalformedRecordException("malformed isolation settings: " + e.getMessage());
        }
        return fields.settings();
    }

    /** The body of a PUT that changes what {@code change} holds. */
    static byte[] write(IsolationChange change) {
        return JsonCodec.document(generator -> {
            generator.writeStartObject();
            if (change.isolation().isPresent()) {
                generator.writeArrayFieldStart(IsolationField.ISOLATION.jsonName());
                for (String name : change.isolation().get()) {
                    generator.writeString(name);
                }
                generator.writeEndArray();
            }
            if (change.cgroupsEnableCfs().isPresent()) {
                generator.writeBooleanField(IsolationField.CGROUPS_ENABLE_CFS.jsonName(),
                        change.cgroupsEnableCfs().get());
            }
            writeText(generator, IsolationField.MEMORY_LIMIT_MODE, change.memoryLimitMode());
            if (change.pidsLimit().isPresent()) {
                String limit = change.pidsLimit().get().strip();
                generator.writeFieldName(IsolationField.PIDS_LIMIT.jsonName());
                if (INTEGER.matcher(limit).matches()) {
                    generator.writeNumber(Long.parseLong(limit));
                } else {
                    generator.writeString(limit);
                }
            }
            writeText(generator, IsolationField.CGROUPS_ROOT, change.cgroupsRoot());
            generator.writeEndObject();
        });
    }

    /** The errors of a refusal; empty if the body is not that JSON. */
    static List<FieldError> errors(byte[] json) {
        List<FieldError> errors = new ArrayList<>();
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() == JsonToken.START_ARRAY && name.equals("errors")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        errors.add(error(parser));
                    }
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException notThatJson) {
            return List.of();
        }
        return errors;
    }

    private static FieldError error(JsonParser parser) throws IOException {
        String field = "";
        String message = "";
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "field" -> field = parser.getValueAsString("");
                case "message" -> message = parser.getValueAsString("");
                default -> parser.skipChildren();
            }
        }
        return new FieldError(field, message);
    }

    private static void writeText(JsonGenerator generator, IsolationField field, Optional<String> value)
            throws IOException {
        if (value.isPresent()) {
            generator.writeStringField(field.jsonName(), value.get());
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }

    /** The fields read so far; settings the answer lacks keep neutral values. */
    private static final class Fields {
        private List<String> isolation = List.of();
        private boolean cfs;
        private String memoryLimitMode = "";
        private String pidsLimit = "";
        private String root = "";
        private List<String> installed = List.of();
        private List<String> modes = List.of();
        private final Set<IsolationField> applies = EnumSet.noneOf(IsolationField.class);
        private IsolationSettings.Applied applied;

        void read(String name, JsonParser parser) throws IOException {
            switch (name) {
                case "isolation" -> isolation = strings(parser);
                case "cgroups_enable_cfs" -> cfs = parser.getValueAsBoolean();
                case "memory_limit_mode" -> memoryLimitMode = parser.getValueAsString("");
                case "pids_limit" -> pidsLimit = parser.getValueAsString("");
                case "cgroups_root" -> root = parser.getValueAsString("");
                case "installed_isolators" -> installed = strings(parser);
                case "memory_limit_modes" -> modes = strings(parser);
                case "applies_to_running" -> readApplies(parser);
                case "applied" -> applied = applied(parser);
                default -> parser.skipChildren();
            }
        }

        private void readApplies(JsonParser parser) throws IOException {
            expect(parser.currentToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (parser.getValueAsBoolean()) {
                    IsolationField.named(field).ifPresent(applies::add);
                }
            }
        }

        IsolationSettings settings() {
            return new IsolationSettings(isolation, cfs, memoryLimitMode, pidsLimit, root, installed, modes, applies,
                    Optional.ofNullable(applied));
        }
    }

    private static IsolationSettings.Applied applied(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_OBJECT);
        List<IsolationField> changed = List.of();
        List<IsolationField> toRunning = List.of();
        List<IsolationSettings.RunningContainer> running = new ArrayList<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "changed" -> changed = fields(strings(parser));
                case "to_running" -> toRunning = fields(strings(parser));
                case "running_containers" -> {
                    expect(parser.currentToken(), JsonToken.START_ARRAY);
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        running.add(container(parser));
                    }
                }
                default -> parser.skipChildren();
            }
        }
        return new IsolationSettings.Applied(changed, toRunning, running);
    }

    private static IsolationSettings.RunningContainer container(JsonParser parser) throws IOException {
        String id = "";
        boolean applied = false;
        List<String> failures = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            switch (name) {
                case "container_id" -> id = parser.getValueAsString("");
                case "applied" -> applied = parser.getValueAsBoolean();
                case "failures" -> failures = strings(parser);
                default -> parser.skipChildren();
            }
        }
        return new IsolationSettings.RunningContainer(id, applied, failures);
    }

    private static List<IsolationField> fields(List<String> names) {
        return names.stream().map(IsolationField::named).flatMap(Optional::stream).toList();
    }

    private static List<String> strings(JsonParser parser) throws IOException {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        List<String> strings = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            strings.add(parser.getValueAsString(""));
        }
        return strings;
    }
}
