package org.meseta.agent.internal.containerizer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.meseta.api.json.JsonCodec;

/**
 * The isolation settings as JSON ({@code GET /api/v1/meseta/isolation} and {@code work_dir/meta/isolation.json}):
 * <pre>
 *   {"isolation": ["cgroups/cpu", "cgroups/pids"], "cgroups_enable_cfs": true, "memory_limit_mode": "hard",
 *    "pids_limit": 1024 | "max", "cgroups_root": "mesos"}
 * </pre>
 * Reading takes any subset of those fields over the current settings and checks each one's form (whether the
 * isolators exist and work is {@link IsolationControl}'s to check); the fields only ever written
 * ({@value #INSTALLED}, {@value #MODES}, {@value #APPLIES}, {@value #APPLIED}) are ignored, so that a client may send back what it read.
 * Stateless.
 */
public final class IsolationSettingsJson {

    static final String ISOLATION = "isolation";
    static final String ENABLE_CFS = "cgroups_enable_cfs";
    static final String MEMORY_LIMIT_MODE = "memory_limit_mode";
    static final String PIDS_LIMIT = "pids_limit";
    static final String ROOT = "cgroups_root";
    /** The fields GET and PUT answer besides the settings. */
    public static final String INSTALLED = "installed_isolators";
    public static final String MODES = "memory_limit_modes";
    public static final String APPLIES = "applies_to_running";
    public static final String APPLIED = "applied";
    private static final Set<String> READ_ONLY = Set.of(INSTALLED, MODES, APPLIES, APPLIED);
    private static final String BODY = "body";

    private IsolationSettingsJson() {}

    /**
     * {@code current} with what {@code json} sets.
     *
     * @throws SettingsRejected naming every field whose value is malformed or unknown, or {@code body}
     */
    public static IsolationSettings read(byte[] json, IsolationSettings current) throws SettingsRejected {
        Fields fields = new Fields(current);
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw reject(BODY, "expected a JSON object");
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    fields.read(name, parser);
                }
                if (parser.nextToken() != null) {
                    throw reject(BODY, "expected a single JSON object");
                }
            } catch (IOException e) {
                throw reject(BODY, JsonCodec.malformed(e, parser).getMessage());
            }
        } catch (IOException e) {
            // Creating or closing a parser over bytes does no I/O.
            throw reject(BODY, "unreadable input");
        }
        if (!fields.errors.isEmpty()) {
            throw new SettingsRejected(fields.errors);
        }
        return fields.settings();
    }

    /** Writes {@code settings} as a JSON object's fields (the caller opens and closes the object). */
    public static void writeFields(JsonGenerator generator, IsolationSettings settings) throws IOException {
        generator.writeArrayFieldStart(ISOLATION);
        for (String name : settings.isolation()) {
            generator.writeString(name);
        }
        generator.writeEndArray();
        generator.writeBooleanField(ENABLE_CFS, settings.cgroupsEnableCfs());
        generator.writeStringField(MEMORY_LIMIT_MODE, settings.memoryLimitMode().value());
        if (settings.pidsLimit().isPresent()) {
            generator.writeNumberField(PIDS_LIMIT, settings.pidsLimit().getAsLong());
        } else {
            generator.writeStringField(PIDS_LIMIT, "max");
        }
        generator.writeStringField(ROOT, settings.cgroupsRoot());
    }

    private static SettingsRejected reject(String field, String message) {
        return new SettingsRejected(List.of(new SettingsError(field, message)));
    }

    /** The fields read so far, over the current settings, and what was wrong with them. */
    private static final class Fields {

        private final List<SettingsError> errors = new ArrayList<>();
        private List<String> isolation;
        private boolean enableCfs;
        private MemoryLimitMode memoryLimitMode;
        private OptionalLong pidsLimit;
        private String root;

        Fields(IsolationSettings current) {
            isolation = current.isolation();
            enableCfs = current.cgroupsEnableCfs();
            memoryLimitMode = current.memoryLimitMode();
            pidsLimit = current.pidsLimit();
            root = current.cgroupsRoot();
        }

        IsolationSettings settings() {
            return new IsolationSettings(isolation, enableCfs, memoryLimitMode, pidsLimit, root);
        }

        /** Reads the value the parser is at; skips it when it is refused. */
        void read(String name, JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            switch (name) {
                case ISOLATION -> isolation(parser);
                case ENABLE_CFS -> {
                    if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
                        enableCfs = token == JsonToken.VALUE_TRUE;
                    } else {
                        refuse(name, "must be true or false", parser);
                    }
                }
                case MEMORY_LIMIT_MODE -> {
                    Optional<MemoryLimitMode> mode = token == JsonToken.VALUE_STRING ? MemoryLimitMode.of(parser.getText())
                            : Optional.<MemoryLimitMode>empty();
                    if (mode.isPresent()) {
                        memoryLimitMode = mode.get();
                    } else {
                        refuse(name, "must be one of: " + String.join(", ", modes()), parser);
                    }
                }
                case PIDS_LIMIT -> pidsLimit(parser);
                case ROOT -> {
                    if (token == JsonToken.VALUE_STRING && IsolationSettings.validRoot(parser.getText())) {
                        root = parser.getText();
                    } else {
                        refuse(name, "must be cgroup names separated by '/', e.g. \"mesos\", without '.' or '..'",
                                parser);
                    }
                }
                default -> {
                    if (!READ_ONLY.contains(name)) {
                        refuse(name, "is not an isolation setting (settings: " + String.join(", ", ISOLATION,
                                ENABLE_CFS, MEMORY_LIMIT_MODE, PIDS_LIMIT, ROOT) + ")", parser);
                    }
                    parser.skipChildren();
                }
            }
        }

        private void isolation(JsonParser parser) throws IOException {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                refuse(ISOLATION, "must be an array of isolator names, e.g. [\"posix/cpu\", \"posix/mem\"]", parser);
                return;
            }
            Set<String> names = new LinkedHashSet<>();
            String problem = null;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.VALUE_STRING || parser.getText().isBlank()) {
                    problem = "must be an array of isolator names, e.g. [\"posix/cpu\", \"posix/mem\"]";
                    parser.skipChildren();
                } else if (!names.add(parser.getText().strip()) && problem == null) {
                    problem = "duplicate entry '" + parser.getText().strip() + "'";
                }
            }
            if (problem != null) {
                errors.add(new SettingsError(ISOLATION, problem));
            } else {
                isolation = List.copyOf(names);
            }
        }

        private void pidsLimit(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            try {
                if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_STRING) {
                    pidsLimit = IsolationSettings.pidsLimit(parser.getText());
                    return;
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            refuse(PIDS_LIMIT, "must be a positive integer or \"max\"", parser);
        }

        private void refuse(String field, String message, JsonParser parser) throws IOException {
            errors.add(new SettingsError(field, message));
            parser.skipChildren();
        }
    }

    /** The names of the memory limit modes. */
    public static List<String> modes() {
        return Arrays.stream(MemoryLimitMode.values()).map(MemoryLimitMode::value).toList();
    }
}
