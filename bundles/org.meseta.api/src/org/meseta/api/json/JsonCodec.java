package org.meseta.api.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Converts any protobuf message to and from JSON the way Mesos does (stout's rules), which differs
 * from proto3's canonical JSON mapping: fields keep their .proto (snake_case) names, 64-bit integers
 * are JSON numbers, unset fields with an explicit {@code [default = ...]} are printed, and parsing is
 * lenient where Mesos clients expect it (quoted numbers and booleans, {@code null} for unset fields,
 * unknown fields ignored). {@link MessagePrinter} and {@link MessageReader} document the exact rules.
 * Well-known types such as {@code google.protobuf.Duration} are plain messages here.
 *
 * <p>Thread-safe: all methods are stateless. Decoding never throws anything but
 * {@link JsonCodecException} for bad input, however malformed, large or deeply nested: nesting is
 * capped at {@value #MAX_NESTING_DEPTH} levels and literal lengths by {@link #factory()}'s limits.
 */
public final class JsonCodec {

    /** Deepest nesting of objects and arrays accepted in a document. */
    public static final int MAX_NESTING_DEPTH = 100;

    /** Longest number literal (and numeric string) accepted. */
    public static final int MAX_NUMBER_LITERAL_CHARS = 1000;

    /** Longest string value accepted, in chars. */
    public static final int MAX_STRING_CHARS = 20_000_000;

    /** Missing required fields listed before the error message is cut short. */
    private static final int MAX_MISSING_FIELDS_LISTED = 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LITERAL_CHARS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .build())
            // Field names come from clients (unknown ones are allowed): keep them out of the JVM's
            // string pool. Jackson's own symbol table stays on; it is bounded and collision-guarded.
            .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            // Characters outside the BMP as plain UTF-8, as Mesos writes them, not as escaped surrogates.
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonCodec() {}

    /**
     * The factory this codec parses and generates with, for callers that build or read other JSON
     * documents around messages (see {@link #write} and {@link #read}). It enforces the nesting and
     * length limits above. Configured once; do not reconfigure it.
     */
    public static JsonFactory factory() {
        return FACTORY;
    }

    /** The message as compact UTF-8 JSON: no whitespace, no trailing newline. */
    public static byte[] encode(MessageOrBuilder message) {
        return document(generator -> write(generator, message));
    }

    /**
     * A JSON document built by hand, e.g. a legacy endpoint's body or an envelope around messages: the value
     * {@code writer} writes, as compact UTF-8 JSON with this codec's generator settings.
     *
     * @throws UncheckedIOException if {@code writer} throws an {@link IOException}; writing to memory does not
     *     fail, so that means the writer itself is broken
     */
    public static byte[] document(JsonValueWriter writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator generator = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a JSON document to memory failed: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The message as compact JSON text. */
    public static String encodeToString(MessageOrBuilder message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    /**
     * Writes the message as one JSON object value at the generator's current position, e.g. after a
     * field name in a document built by hand.
     *
     * @throws IOException if the generator's target fails
     */
    public static void write(JsonGenerator generator, MessageOrBuilder message) throws IOException {
        MessagePrinter.write(generator, message);
    }

    /**
     * Parses a UTF-8 JSON document that must be one object, merges its fields into {@code builder} as
     * protobuf's {@code mergeFrom} would, then checks that every required field is set.
     *
     * @return {@code builder}
     * @throws JsonCodecException if the document is malformed, is not an object, has a value that does
     *     not fit its field, or leaves required fields unset; {@code builder} is left unchanged in all
     *     but the last case
     */
    public static <B extends Message.Builder> B decode(byte[] json, B builder) throws JsonCodecException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return decodeDocument(parser, builder);
        } catch (IOException unreadable) {
            // Only creating or closing a parser over a byte array gets here, and neither does I/O.
            throw new JsonCodecException("Malformed JSON: unreadable input");
        }
    }

    /** As {@link #decode(byte[], Message.Builder)}, for a document held as text. */
    public static <B extends Message.Builder> B decode(String json, B builder) throws JsonCodecException {
        return decode(json.getBytes(StandardCharsets.UTF_8), builder);
    }

    /**
     * Turns a failure of a parser from {@link #factory()} (malformed text, a limit exceeded) into the message
     * {@link #decode} gives for the same input: position and reason, no parser internals. For code that reads
     * its own JSON envelopes around Mesos messages.
     */
    public static JsonCodecException malformed(IOException failure, JsonParser parser) {
        return ParseErrors.fromParser(failure, parser);
    }

    /**
     * Reads one JSON object embedded in a larger document into {@code builder}, merging as
     * {@link #decode} does but without checking required fields (the caller decides when the message is
     * complete). The parser must be positioned on the object's START_OBJECT (its current token) and is
     * left on the matching END_OBJECT. The codec counts nesting from this object (a parser from
     * {@link #factory()} also enforces its limit from the document root).
     *
     * @return {@code builder}
     * @throws JsonCodecException if the value is not an object, is malformed or does not fit the message
     */
    public static <B extends Message.Builder> B read(JsonParser parser, B builder) throws JsonCodecException {
        try {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new JsonCodecException("Expected a JSON object, got " + ParseErrors.describe(parser));
            }
            builder.mergeFrom(readObject(parser, builder));
            return builder;
        } catch (IOException failure) {
            throw ParseErrors.fromParser(failure, parser);
        }
    }

    private static <B extends Message.Builder> B decodeDocument(JsonParser parser, B builder)
            throws JsonCodecException {
        Message document;
        try {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new JsonCodecException("Expected a JSON object, got "
                        + (first == null ? "an empty document" : ParseErrors.describe(parser)));
            }
            document = readObject(parser, builder);
            if (parser.nextToken() != null) {
                throw ParseErrors.malformed(parser.currentTokenLocation(),
                        "unexpected content after the JSON object");
            }
        } catch (IOException failure) {
            throw ParseErrors.fromParser(failure, parser);
        }
        builder.mergeFrom(document);
        requireInitialized(builder);
        return builder;
    }

    /**
     * The object the parser is on, as a message of the builder's type. Read into a fresh builder and
     * merged by the caller, so that "null means unset" and "the last duplicate key wins" apply to this
     * document only, and a document that fails half-way leaves the caller's builder untouched.
     */
    private static Message readObject(JsonParser parser, Message.Builder builder)
            throws IOException, JsonCodecException {
        Message.Builder document = builder.getDefaultInstanceForType().newBuilderForType();
        new MessageReader(parser).readObject(document, FieldPath.ROOT, 1);
        return document.buildPartial();
    }

    private static void requireInitialized(Message.Builder builder) throws JsonCodecException {
        if (builder.isInitialized()) {
            return;
        }
        List<String> missing = builder.findInitializationErrors();
        StringBuilder message = new StringBuilder("Missing required fields: ");
        int listed = Math.min(missing.size(), MAX_MISSING_FIELDS_LISTED);
        message.append(String.join(", ", missing.subList(0, listed)));
        if (missing.size() > MAX_MISSING_FIELDS_LISTED) {
            message.append(" and ").append(missing.size() - MAX_MISSING_FIELDS_LISTED).append(" more");
        }
        throw new JsonCodecException(message.toString());
    }
}
