package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.Http;

/** The fake master holds calls to Mesos's rules, so that a client passing against it passes against Mesos. */
class FakeSchedulerMasterTest {

    private static final byte[] TEARDOWN = JsonCodec.encode(Calls.teardown(FrameworkID.newBuilder()
            .setValue(SchedulerEvents.FRAMEWORK_ID).build()));
    private static final byte[] SUBSCRIBE = JsonCodec.encode(Calls.subscribe(FrameworkInfo.newBuilder().setUser("u")
            .setName("n").build()));

    @Test
    void callsAreCheckedAsMesosChecksThem() throws Exception {
        try (FakeSchedulerMaster master = FakeSchedulerMaster.start()) {
            URI uri = URI.create("http://" + master.address() + MasterAddress.SCHEDULER_PATH);

            assertEquals(400, Http.post(uri, TEARDOWN).statusCode(), "no Content-Type");
            assertEquals(415, Http.post(uri, TEARDOWN, "Content-Type", "text/plain").statusCode());
            assertEquals(406, Http.post(uri, TEARDOWN, "Content-Type", Http.JSON, "Accept", "text/html")
                    .statusCode());
            assertEquals(400, Http.post(uri, "{\"type\":", "Content-Type", Http.JSON).statusCode(), "not a Call");
            assertEquals(400, Http.post(uri, TEARDOWN, "Content-Type", Http.JSON).statusCode(), "no stream id");
            assertEquals(400, Http.post(uri, TEARDOWN, "Content-Type", Http.JSON, "Mesos-Stream-Id", "made-up")
                    .statusCode(), "not the subscription's stream id");
            assertEquals(400, Http.post(uri, SUBSCRIBE, "Content-Type", Http.JSON, "Mesos-Stream-Id", "s-1")
                    .statusCode(), "SUBSCRIBE with a stream id");
            assertEquals(Call.Type.TEARDOWN, master.callTypes().get(0));
        }
    }
}
