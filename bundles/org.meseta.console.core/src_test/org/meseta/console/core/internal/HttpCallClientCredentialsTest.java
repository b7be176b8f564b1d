package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.mesos.v1.master.Protos.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.calls.CallResult;
import org.meseta.console.core.calls.CallSettings;
import org.meseta.console.core.calls.OperatorCalls;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.FakeMaster.Reply;

/**
 * The console's actions carry the connection's credentials, as a master with HTTP authentication requires: a
 * {@link FakeMaster} that wants {@code alice}'s.
 */
@Timeout(30)
class HttpCallClientCredentialsTest {

    private static final String API = "/api/v1";
    private static final long ANSWER_SECONDS = 20;

    private FakeMaster master;

    @BeforeEach
    void start() throws Exception {
        master = FakeMaster.start();
        master.requireCredentials("alice", "s3cret");
        master.answer(API, Reply.json("{\"type\":\"GET_QUOTA\",\"get_quota\":{\"status\":{}}}"));
    }

    @AfterEach
    void stop() {
        master.close();
    }

    @Test
    void anOperatorCallGoesWithTheConnectionsCredentials() throws Exception {
        try (HttpCallClient calls = client(Optional.of(new Credentials("alice", "s3cret")))) {
            CallResult<Response> answered = calls.operator(OperatorCalls.getQuota()).result()
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);

            CallResult.Succeeded<?> succeeded = assertInstanceOf(CallResult.Succeeded.class, answered);
            assertEquals(Response.Type.GET_QUOTA, ((Response) succeeded.value()).getType());
            assertEquals("Basic YWxpY2U6czNjcmV0", master.received(API).get(0).authorization());
        }
    }

    @Test
    void withoutCredentialsTheMastersRefusalIsTheAnswer() throws Exception {
        try (HttpCallClient calls = client(Optional.empty())) {
            CallResult<Response> answered = calls.operator(OperatorCalls.getQuota()).result()
                    .get(ANSWER_SECONDS, TimeUnit.SECONDS);

            assertEquals(401, assertInstanceOf(CallResult.Refused.class, answered).status());
            assertEquals(null, master.received(API).get(0).authorization());
        }
    }

    private HttpCallClient client(Optional<Credentials> credentials) {
        return new HttpCallClient(() -> Optional.of(MasterAddress.of(master.uri())), () -> credentials,
                CallSettings.DEFAULT);
    }
}
