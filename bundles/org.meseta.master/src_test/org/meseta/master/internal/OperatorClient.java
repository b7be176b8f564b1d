package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Http;

/** Makes v1 operator calls on a {@link TestMaster}'s {@code /api/v1} in either encoding. */
record OperatorClient(TestMaster master) {

    static Call call(Call.Type type) {
        return Call.newBuilder().setType(type).build();
    }

    /** Sends the call as JSON and decodes the JSON answer, checking status and media type on the way. */
    Response json(Call call) throws Exception {
        var response = Http.post(master.uri("/api/v1"), JsonCodec.encodeToString(call), "Content-Type", Http.JSON);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.JSON, Http.contentType(response));
        return JsonCodec.decode(response.body(), Response.newBuilder()).build();
    }

    /** Sends the call as protobuf and decodes the protobuf answer. */
    Response protobuf(Call call) throws Exception {
        var response = raw(call);
        assertEquals(200, response.statusCode(), () -> Http.text(response));
        assertEquals(Http.PROTOBUF, Http.contentType(response));
        return Response.parseFrom(response.body());
    }

    /** Makes the call in both encodings, checks both answers are the same and of the call's type, returns it. */
    Response both(Call call) throws Exception {
        Response json = json(call);
        // Through JSON, as Mesos's JSON spells out fields that have defaults (e.g. CommandInfo.shell).
        assertEquals(json, JsonCodec.decode(JsonCodec.encode(protobuf(call)), Response.newBuilder()).build(),
                "the same answer in JSON and protobuf");
        assertEquals(call.getType().name(), json.getType().name());
        return json;
    }

    /** Sends the call as protobuf, accepting protobuf, whatever the answer. */
    HttpResponse<byte[]> raw(Call call) throws Exception {
        return Http.post(master.uri("/api/v1"), call.toByteArray(), "Content-Type", Http.PROTOBUF,
                "Accept", Http.PROTOBUF);
    }
}
