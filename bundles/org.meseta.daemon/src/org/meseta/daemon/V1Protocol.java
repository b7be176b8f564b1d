package org.meseta.daemon;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.protobuf.ProtobufCodec;
import org.meseta.api.recordio.RecordIO;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.MediaTypes;

/**
 * The request and response rules shared by Mesos's v1 endpoints: the body is JSON or protobuf as
 * {@code Content-Type} says (400 when absent, 415 when neither), the answer is JSON or protobuf as {@code Accept}
 * allows (JSON whenever acceptable, 406 when neither), and responses carry the exact media type. Events of a
 * stream are framed as RecordIO records, one record per chunk. Messages are Mesos's own.
 *
 * <p>Endpoints differ in when they look at {@code Accept} (the scheduler and operator APIs before acting, the
 * executor API only for {@code SUBSCRIBE}), so decoding the body and negotiating the answer are separate steps.
 * Stateless and thread-safe.
 */
public final class V1Protocol {

    public static final String JSON = MediaTypes.APPLICATION_JSON;
    public static final String PROTOBUF = MediaTypes.APPLICATION_PROTOBUF;
    private static final List<String> OFFERED = List.of(JSON, PROTOBUF);

    private V1Protocol() {}

    /** A parsed call, or the response that rejects the request. */
    public sealed interface Decoded<M extends Message> {
        record Call<M extends Message>(M message) implements Decoded<M> {}

        record Rejected<M extends Message>(HttpResponse response) implements Decoded<M> {}
    }

    /** Parses the body as {@code Content-Type} says into the message {@code builder} builds. */
    @SuppressWarnings("unchecked")
    public static <M extends Message> Decoded<M> decode(HttpRequest request, Message.Builder builder) {
        Optional<String> contentType = MediaTypes.requestType(request.header("Content-Type"));
        if (contentType.isEmpty()) {
            return reject(400, "Expecting 'Content-Type' to be present");
        }
        if (!OFFERED.contains(contentType.get())) {
            return reject(415, "Expecting 'Content-Type' of " + JSON + " or " + PROTOBUF);
        }
        String typeName = builder.getDescriptorForType().getName();
        try {
            if (contentType.get().equals(JSON)) {
                JsonCodec.decode(request.body(), builder);
            } else {
                ProtobufCodec.decode(request.body(), builder);
            }
        } catch (JsonCodecException e) {
            return reject(400, e.getMessage().startsWith("Malformed JSON")
                    ? "Failed to parse body into JSON: " + e.getMessage()
                    : "Failed to convert JSON into " + typeName + " protobuf: " + e.getMessage());
        } catch (InvalidProtocolBufferException e) {
            return reject(400, "Failed to parse body into " + typeName + " protobuf: " + e.getMessage());
        }
        return new Decoded.Call<>((M) builder.build());
    }

    /** The media type to answer in, JSON whenever {@code Accept} allows it; empty means answer {@link #notAcceptable}. */
    public static Optional<String> responseType(HttpRequest request) {
        // As Mesos: JSON whenever it is acceptable at all, whatever the q-values say.
        return MediaTypes.negotiate(request.header("Accept"), List.of(JSON))
                .or(() -> MediaTypes.negotiate(request.header("Accept"), List.of(PROTOBUF)));
    }

    /** 406 naming the media types on offer. */
    public static HttpResponse notAcceptable() {
        return HttpResponse.text(406, "Expecting 'Accept' to allow '" + PROTOBUF + "' or '" + JSON + "'");
    }

    /** 200 with {@code message} in {@code mediaType} ({@link #JSON} or {@link #PROTOBUF}). */
    public static HttpResponse respond(String mediaType, Message message) {
        return new HttpResponse.FullResponse(200, mediaType, encode(mediaType, message), HttpHeaders.empty());
    }

    /** {@code message} as compact JSON or binary protobuf. */
    public static byte[] encode(String mediaType, Message message) {
        return mediaType.equals(PROTOBUF) ? message.toByteArray() : JsonCodec.encode(message);
    }

    /** {@code event} encoded in {@code mediaType} and framed as one RecordIO record, to be written as one chunk. */
    public static byte[] record(String mediaType, Message event) {
        return RecordIO.frame(encode(mediaType, event));
    }

    private static <M extends Message> Decoded<M> reject(int status, String reason) {
        return new Decoded.Rejected<>(HttpResponse.text(status, reason));
    }
}
