package org.meseta.console.core.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.mesos.v1.master.Protos.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.MasterAddress;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.FakeMaster.Reply;

/**
 * How a {@link CallClient} treats answers a real master gives only in a high-availability setup or when it hangs:
 * a standby's 307 to the leader, a 503, an answer that does not come. The masters are {@link FakeMaster}s.
 */
@Timeout(30)
class CallClientRedirectTest {

    private static final String API = "/api/v1";
    private static final String QUOTA_ANSWER = "{\"type\":\"GET_QUOTA\",\"get_quota\":{\"status\":{}}}";

    private FakeMaster standby;
    private FakeMaster leader;
    private CallClient calls;

    @BeforeEach
    void start() throws Exception {
        standby = FakeMaster.start();
        leader = FakeMaster.start();
        calls = CallClients.following(() -> Optional.of(address(standby.uri())), CallSettings.DEFAULT);
    }

    @AfterEach
    void stop() {
        calls.close();
        standby.close();
        leader.close();
    }

    @Test
    void aStandbysRedirectIsFollowedToTheLeaderAndTheStepsAreTold() throws Exception {
        standby.answer(API, Reply.redirectTo(leader.uri(), API));
        leader.answer(API, Reply.json(QUOTA_ANSWER));
        List<String> steps = new CopyOnWriteArrayList<>();

        PendingCall<Response> call = calls.operator(OperatorCalls.getQuota());
        call.onProgress(steps::add);

        CallResult.Succeeded<?> answered = (CallResult.Succeeded<?>) CallClientTest.answer(call);
        assertEquals(Response.Type.GET_QUOTA, ((Response) answered.value()).getType());
        assertEquals("GET_QUOTA → redirected to " + leader.uri().getRawAuthority(), call.progress());
        assertTrue(steps.contains(call.progress()), steps::toString);
        assertEquals("{\"type\":\"GET_QUOTA\"}", leader.received(API).get(0).body());
        assertEquals("application/json", leader.received(API).get(0).contentType());
    }

    @Test
    void aStatusOtherThan2xxIsARefusalWithTheMastersTextAndEndlessRedirectsFail() throws Exception {
        standby.answer(API, Reply.status(503, "No leader elected\n"));
        assertEquals(new CallResult.Refused<>(503, "No leader elected", List.of()),
                CallClientTest.answer(calls.operator(OperatorCalls.getQuota())));

        standby.answer(API, Reply.redirectTo(standby.uri(), API));
        CallResult<Response> looping = CallClientTest.answer(calls.operator(OperatorCalls.getQuota()));
        assertEquals(new CallResult.Failed<>("more than 3 redirects, the last to //"
                + standby.uri().getRawAuthority() + API), looping);
    }

    @Test
    void aCancelledCallStopsWaitingForAMasterThatHangs() throws Exception {
        standby.answer(API, Reply.json(QUOTA_ANSWER));
        standby.delayAnswers(Duration.ofSeconds(60));

        PendingCall<Response> call = calls.operator(OperatorCalls.teardown("F1"));
        call.cancel();
        call.cancel();

        assertEquals(new CallResult.Cancelled<>(), CallClientTest.answer(call));
        assertEquals("TEARDOWN → " + standby.uri().getRawAuthority(), call.progress());
    }

    private static MasterAddress address(URI uri) {
        return MasterAddress.of(uri);
    }
}
