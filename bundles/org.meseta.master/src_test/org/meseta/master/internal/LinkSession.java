package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.Resources;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.testing.Http;

/**
 * Plays an agent on the agent link: subscribes, collects the events of the RecordIO stream, answers pings when
 * told to. Events are decoded exactly as an agent decodes them; anything undecodable fails the test.
 */
final class LinkSession implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(5);

    private final TestMaster master;
    private final RecordStream<AgentEvent> records;
    private final CompletableFuture<Void> stream;
    private volatile AgentID answeringAs;

    private LinkSession(TestMaster master, HttpClient client, AgentSubscribe subscribe) {
        this.master = master;
        this.records = new RecordStream<>(AgentEvent::fromJson, this::take);
        this.stream = client.stream("POST", master.uri(AgentLink.SUBSCRIBE_PATH),
                HttpHeaders.of("Content-Type", "application/json"), subscribe.toJson(), records);
    }

    private void take(AgentEvent event) {
        AgentID id = answeringAs;
        if (event instanceof AgentEvent.Ping && id != null) {
            Thread.startVirtualThread(() -> {
                try {
                    pong(id);
                } catch (Exception | AssertionError e) {
                    records.problems().add("pong failed: " + e);
                }
            });
        } else {
            records.events().add(event);
        }
    }

    /** From now on every ping is answered at once as agent {@code id} does, and not queued as an event. */
    void answerPings(AgentID id) {
        answeringAs = id;
    }

    /** Pings are queued again and left unanswered, as for an agent cut off from the master. */
    void stopAnsweringPings() {
        answeringAs = null;
    }

    static LinkSession open(TestMaster master, HttpClient client, AgentSubscribe subscribe) {
        return new LinkSession(master, client, subscribe);
    }

    /** An agent with two CPUs, 1 GB, a rack attribute and the given pid port; {@code id} may be null. */
    static AgentSubscribe subscription(String id, int port) throws Exception {
        return subscription(id, port, "cpus:2;mem:1024;disk:4096;ports:[31000-31099]");
    }

    /** As {@link #subscription(String, int)}, offering {@code resources} (the agent's text form). */
    static AgentSubscribe subscription(String id, int port, String resources) throws Exception {
        AgentInfo.Builder info = AgentInfo.newBuilder()
                .setHostname("agent-" + port + ".test")
                .setPort(port)
                .addAllResources(Resources.parse(resources, "*").toList())
                .addAllAttributes(Attributes.parse("rack:r1;level:3"));
        if (id != null) {
            info.setId(AgentID.newBuilder().setValue(id));
        }
        return new AgentSubscribe(info.build(), "slave(1)@127.0.0.1:" + port, "1.11.0");
    }

    int status() throws Exception {
        return records.status().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    HttpHeaders headers() throws Exception {
        return records.headers().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next event; fails the test if none arrives in time. */
    AgentEvent next(Duration timeout) throws InterruptedException {
        AgentEvent event = records.events().poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
            fail("No event within " + timeout.toMillis() + " ms; problems: " + records.problems() + ", ended: "
                    + records.ended().getNow("no"));
        }
        return event;
    }

    Optional<AgentEvent> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(records.events().poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    AgentEvent.Registered registered() throws Exception {
        assertEquals(200, status());
        return assertInstanceOf(AgentEvent.Registered.class, next(WAIT), "the first event");
    }

    /** Answers a ping the way an agent does. */
    void pong(AgentID id) throws Exception {
        call(new AgentCall.Pong(id));
    }

    /** Posts a call the way an agent does; the master must take it (202). */
    void call(AgentCall call) throws Exception {
        var response = Http.post(master.uri(AgentLink.CALL_PATH), call.toJson(), "Content-Type", Http.JSON);
        assertEquals(202, response.statusCode(), () -> Http.text(response));
    }

    /** The next event of {@code type}, skipping pings; fails the test on any other event or none in time. */
    <E extends AgentEvent> E next(Class<E> type) throws InterruptedException {
        AgentEvent event;
        do {
            event = next(WAIT);
        } while (event instanceof AgentEvent.Ping && type != AgentEvent.Ping.class);
        return assertInstanceOf(type, event);
    }

    /** How the stream ended ({@code "end"} when the master closed it); fails the test if it is still open. */
    String awaitEnd(Duration timeout) throws Exception {
        try {
            return records.ended().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return fail("The link stream was still open after " + timeout.toMillis() + " ms");
        }
    }

    boolean isEnded() {
        return records.ended().isDone();
    }

    List<String> problems() {
        return records.problems();
    }

    /** Drops the connection, as an agent that dies does. */
    @Override
    public void close() {
        stream.cancel(true);
    }
}
