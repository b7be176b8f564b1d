package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.recordio.RecordIO;
import org.meseta.http.HttpResponse;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpServerOptions;
import org.meseta.http.HttpTransport;
import org.meseta.http.ResponseStream;
import org.meseta.http.Router;

/**
 * The master's side of the agent link on 127.0.0.1, doing on demand what a real master does only in rare
 * situations: it refuses every subscription ({@link #refuseWith}), or it admits the agent as {@value #AGENT_ID}
 * (REGISTERED, then one PING at once, further pings ten minutes apart) and then either answers every call with 404,
 * as a master that has forgotten the agent does ({@link #start()}), or takes every call with 202 and records it
 * ({@link #accepting()}), while the test plays the master's part: it {@link #send}s work down the newest link and
 * reads the calls it caused. Subscriptions and accepted links are queued for the test to take.
 */
final class FakeLinkMaster implements AutoCloseable {

    static final String AGENT_ID = "fake-S0";
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final HttpTransport transport = HttpTransport.create("fake-link-master", 1);
    private final BlockingQueue<AgentSubscribe> subscriptions = new LinkedBlockingQueue<>();
    private final BlockingQueue<ResponseStream> links = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final boolean acceptCalls;
    /** Every call taken, in arrival order; guarded by itself. */
    private final List<AgentCall> calls = new ArrayList<>();
    private volatile HttpResponse refusal;
    private volatile ResponseStream newestLink;

    private FakeLinkMaster(boolean acceptCalls) throws Exception {
        this.acceptCalls = acceptCalls;
        Router routes = Router.builder()
                .route("POST", AgentLink.SUBSCRIBE_PATH, request -> CompletableFuture.completedFuture(
                        subscribe(request.body())))
                .route("POST", AgentLink.CALL_PATH, request -> CompletableFuture.completedFuture(
                        call(request.body())))
                .build();
        server = HttpServer.start(transport, new InetSocketAddress("127.0.0.1", 0), routes,
                HttpServerOptions.defaults());
    }

    /** A master that forgets the agent: every call is answered with 404. */
    static FakeLinkMaster start() throws Exception {
        return new FakeLinkMaster(false);
    }

    /** A master that takes every call with 202 and records it. */
    static FakeLinkMaster accepting() throws Exception {
        return new FakeLinkMaster(true);
    }

    int port() {
        return server.address().getPort();
    }

    /** Answers every subscription from now on with {@code status} and the text {@code reason}. */
    void refuseWith(int status, String reason) {
        refusal = HttpResponse.text(status, reason);
    }

    /** The next subscription received; fails the test if none arrives within five seconds. */
    AgentSubscribe nextSubscription() throws InterruptedException {
        AgentSubscribe next = subscriptions.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no subscription within " + WAIT.toMillis() + " ms");
        return next;
    }

    /** Drops the subscriptions received and not yet returned by {@link #nextSubscription}. */
    void forgetSubscriptions() {
        subscriptions.clear();
    }

    /** The next link opened for an accepted subscription; fails the test if none opens within five seconds. */
    ResponseStream nextLink() throws InterruptedException {
        ResponseStream next = links.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertNotNull(next, "no link within " + WAIT.toMillis() + " ms");
        return next;
    }

    /** Sends {@code event} down the newest link. */
    void send(AgentEvent event) {
        newestLink.write(RecordIO.frame(event.toJson())).join();
    }

    /**
     * The oldest call of {@code type} taken and not yet returned that {@code matches}; fails the test if none arrives
     * within five seconds.
     */
    <T extends AgentCall> T next(Class<T> type, Predicate<T> matches) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (calls) {
            while (true) {
                for (AgentCall call : calls) {
                    if (type.isInstance(call) && matches.test(type.cast(call))) {
                        calls.remove(call);
                        return type.cast(call);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return fail("no matching " + type.getSimpleName() + " within " + WAIT.toMillis() + " ms; calls"
                            + " taken and not returned: " + calls);
                }
                TimeUnit.NANOSECONDS.timedWait(calls, left);
            }
        }
    }

    /** The calls of {@code type} taken and not yet returned by {@link #next}, oldest first. */
    <T extends AgentCall> List<T> pending(Class<T> type) {
        synchronized (calls) {
            return calls.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }

    private HttpResponse call(byte[] body) {
        if (!acceptCalls) {
            return HttpResponse.text(404, "Unknown agent " + AGENT_ID + "; subscribe first");
        }
        AgentCall call;
        try {
            call = AgentCall.fromJson(body);
        } catch (JsonCodecException e) {
            return HttpResponse.text(400, "Invalid agent call: " + e.getMessage());
        }
        synchronized (calls) {
            calls.add(call);
            calls.notifyAll();
        }
        return HttpResponse.empty(202);
    }

    private HttpResponse subscribe(byte[] body) {
        AgentSubscribe subscribe;
        try {
            subscribe = AgentSubscribe.fromJson(body);
        } catch (JsonCodecException e) {
            return HttpResponse.text(400, "Invalid agent subscription: " + e.getMessage());
        }
        subscriptions.add(subscribe);
        HttpResponse refused = refusal;
        if (refused != null) {
            return refused;
        }
        MasterInfo info = MasterInfo.newBuilder().setId("fake").setIp(16777343).setPort(port())
                .setHostname("fake-master.test").build();
        AgentEvent.Registered registered = new AgentEvent.Registered(AgentID.newBuilder().setValue(AGENT_ID).build(),
                info, Duration.ofMinutes(10), 5);
        return HttpResponse.stream("application/json", link -> {
            link.write(RecordIO.frame(registered.toJson()));
            link.write(RecordIO.frame(new AgentEvent.Ping().toJson()));
            newestLink = link;
            links.add(link);
        });
    }

    @Override
    public void close() {
        server.close();
        transport.close();
    }
}
