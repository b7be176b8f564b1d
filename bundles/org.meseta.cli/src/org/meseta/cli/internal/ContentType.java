package org.meseta.cli.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.io.IOException;
import java.util.Locale;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.protobuf.ProtobufCodec;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.MediaTypes;

/**
 * The encoding of scheduler calls and events ({@code --content_type}): one media type for both directions, sent
 * as {@code Content-Type} and {@code Accept} alike, as Mesos's scheduler library does. Stateless.
 */
enum ContentType {
    JSON("json", MediaTypes.APPLICATION_JSON),
    PROTOBUF("protobuf", MediaTypes.APPLICATION_PROTOBUF);

    private final String flagValue;
    private final String mediaType;

    ContentType(String flagValue, String mediaType) {
        this.flagValue = flagValue;
        this.mediaType = mediaType;
    }

    /**
     * Parses the flag value: {@code json} or {@code protobuf}, or the media type itself, as mesos-execute accepts.
     *
     * @throws IllegalArgumentException naming what is expected (the flag parser's contract)
     */
    static ContentType parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        for (ContentType type : values()) {
            if (type.flagValue.equals(value) || type.mediaType.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("expected json or protobuf");
    }

    /** How the flag shows this value. */
    String flagValue() {
        return flagValue;
    }

    /** The exact media type, e.g. {@code application/x-protobuf}. */
    String mediaType() {
        return mediaType;
    }

    /** {@code message} as compact JSON or binary protobuf, as the master's side of the API encodes it. */
    byte[] encode(Message message) {
        return V1Protocol.encode(mediaType, message);
    }

    /**
     * Decodes one record of the event stream.
     *
     * @throws IOException with a one-line reason when the record is not an {@link Event} in this encoding
     */
    Event decodeEvent(byte[] record) throws IOException {
        try {
            return switch (this) {
                case JSON -> JsonCodec.decode(record, Event.newBuilder()).build();
                case PROTOBUF -> ProtobufCodec.decode(record, Event.newBuilder()).build();
            };
        } catch (JsonCodecException | InvalidProtocolBufferException e) {
            throw new IOException("undecodable event from the master: " + e.getMessage(), e);
        }
    }
}
