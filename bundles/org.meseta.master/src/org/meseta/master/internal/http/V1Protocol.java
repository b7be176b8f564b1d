package org.meseta.master.internal.http;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import java.util.List;
import java.util.Optional;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.protobuf.ProtobufCodec;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.MediaTypes;

/**
 * The request and response rules shared by Mesos's v1 endpoints: the body is JSON or protobuf as
 * {@code Content-Type} says (400 when absent, 415 when neither), the answer is JSON or protobuf as
 * {@code Accept} allows (JSON when absent, 406 when neither), and responses carry the exact media type.
 */
final class V1Protocol {

    static final String JSON = "application/json";
    static final String PROTOBUF = "application/x-protobuf";
    private static final List<String> OFFERED = List.of(JSON, PROTOBUF);

    private V1Protocol() {}

    /** A parsed call and the media type to answer in, or the response that rejects the request. */
    sealed interface Decoded<M extends Message> {
        record Call<M extends Message>(M message, String responseType) implements Decoded<M> {}

        record Rejected<M extends Message>(HttpResponse response) implements Decoded<M> {}
    }

    @SuppressWarnings("unchecked")
    static <M extends Message> Decoded<M> decode(HttpRequest request, Message.Builder builder) {
        Optional<String> contentType = MediaTypes.requestType(request.header("Content-Type"));
        if (contentType.isEmpty()) {
            return reject(400, "Expecting 'Content-Type' to be present");
        }
        if (!OFFERED.contains(contentType.get())) {
            return reject(415, "Expecting 'Content-Type' of " + JSON + " or " + PROTOBUF);
        }
        Optional<String> responseType = MediaTypes.negotiate(request.header("Accept"), OFFERED);
        if (responseType.isEmpty()) {
            return reject(406, "Expecting 'Accept' to allow " + JSON + " or " + PROTOBUF);
        }
        String typeName = builder.getDescriptorForType().getName();
        try {
            if (contentType.get().equals(JSON)) {
                JsonCodec.decode(request.body(), builder);
            } else {
                ProtobufCodec.decode(request.body(), builder);
            }
        } catch (JsonCodecException | InvalidProtocolBufferException e) {
            return reject(400, "Failed to parse body into " + typeName + " protobuf: " + e.getMessage());
        }
        return new Decoded.Call<>((M) builder.build(), responseType.get());
    }

    static HttpResponse respond(String mediaType, Message message) {
        byte[] body = mediaType.equals(PROTOBUF) ? message.toByteArray() : JsonCodec.encode(message);
        return new HttpResponse.FullResponse(200, mediaType, body, HttpHeaders.empty());
    }

    private static <M extends Message> Decoded<M> reject(int status, String reason) {
        return new Decoded.Rejected<>(HttpResponse.text(status, reason));
    }
}
