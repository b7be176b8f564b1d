package org.meseta.console.core.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.Encoding;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UninitializedMessageException;

/**
 * A master's answer to an operator call: a {@code master.Response} in the answer's encoding, none (the default
 * response) for the calls that answer with an empty body, and errors as Mesos writes them, plain text. Stateless.
 */
enum OperatorAnswer implements HttpCallClient.Answer<Response> {
    INSTANCE;

    @Override
    public Response value(byte[] body, Encoding encoding) throws MalformedRecordException {
        if (body.length == 0) {
            return Response.getDefaultInstance();
        }
        try {
            return encoding == Encoding.PROTOBUF ? Response.parseFrom(body)
                    : JsonCodec.decode(body, Response.newBuilder()).build();
        } catch (InvalidProtocolBufferException | JsonCodecException | UninitializedMessageException e) {
            throw new MalformedRecordException("malformed response: " + e.getMessage());
        }
    }

    @Override
    public CallResult.Refused<Response> refusal(int status, byte[] body) {
        return new CallResult.Refused<>(status, new String(body, StandardCharsets.UTF_8).strip(), List.of());
    }
}
