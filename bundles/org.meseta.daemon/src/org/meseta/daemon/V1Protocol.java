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
 * The request and response rules of Mesos's v1 endpoints (scheduler, executor, operator): the body is JSON or
 * protobuf as {@code Content-Type} says (400 when absent, 415 when neither; parameters such as
 * {@code ; charset=utf-8} are ignored), the answer is JSON or protobuf as {@code Accept} allows (JSON when absent or
 * {@code *}{@code /*}, 406 when neither), and responses carry the exact media type without parameters. Events of a
 * stream are framed as RecordIO records, one record per chunk.
 *
 * <p>Endpoints differ in when they look at {@code Accept} (the scheduler and operator APIs before the body, the
 * executor API only for {@code SUBSCRIBE} after validation), so the steps are offered separately as well as
 * combined in {@link #decode}. Stateless and thread-safe.
 */
public final class V1Protocol {

    public static final String JSON = MediaTypes.APPLICATION_JSON;
    public static final String PROTOBUF = MediaTypes.APPLICATION_PROTOBUF;
    private static final List<String> OFFERED = List.of(JSON, PROTOBUF);

    private V1Protocol() {}

    /** A parsed message and the media type it came in (or is to be answered in), or the response that rejects it. */
    public sealed interface Decoded<M extends Message> {
        record Call<M extends Message>(M message, String mediaType) implements Decoded<M> {}

        record Rejected<M extends Message>(HttpResponse response) implements Decoded<M> {}
    }

    /**
     * Checks {@code Content-Type} and {@code Accept}, then parses the body into {@code builder}'s type; the result's
     * media type is the one to answer in.
     */
    public static <M extends Message> Decoded<M> decode(HttpRequest request, Message.Builder builder) {
        Optional<HttpResponse> contentRejection = checkContentType(request);
        if (contentRejection.isPresent()) {
            return new Decoded.Rejected<>(contentRejection.get());
        }
        Optional<String> responseType = responseType(request);
        if (responseType.isEmpty()) {
            return new Decoded.Rejected<>(notAcceptable());
        }
        return switch (V1Protocol.<M>parseBody(request, builder)) {
            case Decoded.Call<M> call -> new Decoded.Call<>(call.message(), responseType.get());
            case Decoded.Rejected<M> rejected -> rejected;
        };
    }

    /**
     * Checks {@code Content-Type} and parses the body into {@code builder}'s type, required fields included; the
     * result's media type is the body's. {@code Accept} is not looked at.
     */
    @SuppressWarnings("unchecked")
    public static <M extends Message> Decoded<M> parseBody(HttpRequest request, Message.Builder builder) {
        Optional<HttpResponse> contentRejection = checkContentType(request);
        if (contentRejection.isPresent()) {
            return new Decoded.Rejected<>(contentRejection.get());
        }
        String contentType = request.contentType().orElseThrow();
        String typeName = builder.getDescriptorForType().getName();
        try {
            if (contentType.equals(JSON)) {
                JsonCodec.decode(request.body(), builder);
            } else {
                ProtobufCodec.decode(request.body(), builder);
            }
        } catch (JsonCodecException | InvalidProtocolBufferException e) {
            return new Decoded.Rejected<>(HttpResponse.text(400, "Failed to parse body into " + typeName
                    + " protobuf: " + e.getMessage()));
        }
        return new Decoded.Call<>((M) builder.build(), contentType);
    }

    /** The media type to answer in, as {@code Accept} allows; empty means 406 ({@link #notAcceptable()}). */
    public static Optional<String> responseType(HttpRequest request) {
        return MediaTypes.negotiate(request.header("Accept"), OFFERED);
    }

    /** 406 naming the media types on offer. */
    public static HttpResponse notAcceptable() {
        return HttpResponse.text(406, "Expecting 'Accept' to allow " + JSON + " or " + PROTOBUF);
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

    private static Optional<HttpResponse> checkContentType(HttpRequest request) {
        Optional<String> contentType = request.contentType();
        if (contentType.isEmpty()) {
            return Optional.of(HttpResponse.text(400, "Expecting 'Content-Type' to be present"));
        }
        if (!OFFERED.contains(contentType.get())) {
            return Optional.of(HttpResponse.text(415, "Expecting 'Content-Type' of " + JSON + " or " + PROTOBUF));
        }
        return Optional.empty();
    }
}
