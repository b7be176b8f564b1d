package org.meseta.cli.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.MessageOrBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;

/**
 * Flag values that are JSON documents, given inline or, as mesos-execute allows, as a file: a value starting with
 * {@code file://} or {@code /} names the file that holds the document. The parsers throw
 * {@link IllegalArgumentException} with a one-line reason, the flag parser's contract.
 */
final class JsonFlagValues {

    private JsonFlagValues() {}

    /** {@code --env}: a JSON object of variable names and string values, e.g. {@code {"PATH": "/bin"}}. */
    static Environment environment(String value) {
        JsonParser parser = parser(value);
        try (parser) {
            return readEnvironment(parser);
        } catch (IOException e) {
            throw new IllegalArgumentException(JsonCodec.malformed(e, parser).getMessage());
        }
    }

    /**
     * {@code --task}: a JSON {@code TaskInfo}. Its {@code agent_id}, required by the message, may be left out since
     * the offer decides it; the result has none.
     */
    static TaskInfo task(String value) {
        // A placeholder satisfies the required-field check for agent_id; it is removed again below.
        TaskInfo.Builder task = TaskInfo.newBuilder().setAgentId(AgentID.newBuilder().setValue(""));
        try {
            JsonCodec.decode(document(value), task);
        } catch (JsonCodecException e) {
            throw new IllegalArgumentException("not a TaskInfo: " + e.getMessage());
        }
        return task.clearAgentId().buildPartial();
    }

    /**
     * {@code --task_group}: a JSON {@code TaskGroupInfo} with at least one task. The tasks' {@code agent_id}, required
     * by the message, may be left out since the offer decides it; the result's tasks have none.
     */
    static TaskGroupInfo taskGroup(String value) {
        TaskGroupInfo.Builder group = TaskGroupInfo.newBuilder();
        JsonParser parser = parser(value);
        try (parser) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a TaskGroupInfo: expected a JSON object");
            }
            // Read without the required-field check, which agent_id would fail; the rest is checked below.
            JsonCodec.read(parser, group);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("not a TaskGroupInfo: more follows the object");
            }
        } catch (JsonCodecException e) {
            throw new IllegalArgumentException("not a TaskGroupInfo: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException(JsonCodec.malformed(e, parser).getMessage());
        }
        if (group.getTasksCount() == 0) {
            throw new IllegalArgumentException("the task group has no tasks");
        }
        for (int i = 0; i < group.getTasksCount(); i++) {
            TaskInfo.Builder task = group.getTasksBuilder(i).clearAgentId();
            List<String> missing = task.clone().setAgentId(AgentID.newBuilder().setValue(""))
                    .findInitializationErrors();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("not a TaskGroupInfo: task " + i + " misses "
                        + String.join(", ", missing));
            }
        }
        return group.buildPartial();
    }

    /** Prints a message the way the flag would be given inline. */
    static String print(MessageOrBuilder message) {
        return JsonCodec.encodeToString(message);
    }

    /** A parser over the flag's document. */
    private static JsonParser parser(String value) {
        try {
            return JsonCodec.factory().createParser(document(value));
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable JSON: " + e.getMessage());
        }
    }

    private static byte[] document(String value) {
        String text = value.strip();
        if (!text.startsWith("file://") && !text.startsWith("/")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        String file = text.startsWith("file://") ? text.substring("file://".length()) : text;
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (IOException | InvalidPathException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Environment readEnvironment(JsonParser parser) throws IOException {
        Environment.Builder environment = Environment.newBuilder();
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw notAnEnvironment();
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (parser.nextToken() != JsonToken.VALUE_STRING) {
                throw new IllegalArgumentException("the value of '" + name + "' must be a string");
            }
            environment.addVariablesBuilder().setName(name).setValue(parser.getText());
        }
        if (parser.nextToken() != null) {
            throw notAnEnvironment();
        }
        return environment.build();
    }

    private static IllegalArgumentException notAnEnvironment() {
        return new IllegalArgumentException("expected a JSON object of names and string values,"
                + " e.g. {\"NAME\": \"value\"}");
    }
}
