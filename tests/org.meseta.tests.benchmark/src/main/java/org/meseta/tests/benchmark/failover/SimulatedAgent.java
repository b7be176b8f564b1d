package org.meseta.tests.benchmark.failover;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Task;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.http.StreamListener;

/**
 * An agent that speaks the real agent link and runs nothing: it subscribes to the leading master with its id (once it
 * has one) and the tasks it says it runs, answers pings, and subscribes again, as a Meseta agent does, after a random
 * backoff in [0, factor × 2^attempt] (capped at one minute) when the link ends or is refused, and after a fresh
 * backoff in [0, factor] when another master leads. Confined to the fleet's thread ({@code thread}); the link's
 * callbacks are handed to it.
 */
final class SimulatedAgent {

    /** Told on the fleet's thread when a master registers the agent, and when ({@link System#nanoTime()}). */
    interface Registrations {
        void registered(AgentEvent.Registered registered, long nanoTime);
    }

    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/json",
            "Accept", "application/json");
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final AgentID NOT_YET = AgentID.newBuilder().setValue("not-registered-yet").build();

    private final AgentInfo info;
    private final String pid;
    private final FrameworkInfo framework;
    private final List<Task> tasks;
    private final long backoffFactorNanos;
    private final HttpClient client;
    private final ScheduledExecutorService thread;
    private final Registrations registrations;

    private Optional<AgentID> id = Optional.empty();
    private Optional<URI> leader = Optional.empty();
    private CompletableFuture<Void> link;
    private long generation;
    private int failedAttempts;
    private ScheduledFuture<?> retry;

    /**
     * @param tasks what the agent runs, reported in every subscription (their agent id is replaced by the agent's)
     */
    SimulatedAgent(AgentInfo info, String pid, FrameworkInfo framework, List<Task> tasks, long backoffFactorNanos,
            HttpClient client, ScheduledExecutorService thread, Registrations registrations) {
        this.info = info;
        this.pid = pid;
        this.framework = framework;
        this.tasks = tasks;
        this.backoffFactorNanos = backoffFactorNanos;
        this.client = client;
        this.thread = thread;
        this.registrations = registrations;
    }

    /** Another master leads (at {@code http://host:port}): the link to the last one is dropped, after a fresh backoff. */
    void leaderChanged(URI master) {
        leader = Optional.of(master);
        drop();
        failedAttempts = 0;
        schedule(backoff(0));
    }

    private void drop() {
        generation++;
        if (retry != null) {
            retry.cancel(false);
        }
        if (link != null) {
            link.cancel(true);
            link = null;
        }
    }

    private void subscribe() {
        long current = ++generation;
        AgentSubscribe subscription = new AgentSubscribe(id.map(agentId -> info.toBuilder().setId(agentId).build())
                .orElse(info), pid, "1.11.0", List.of(framework), List.of(),
                tasks.stream().map(task -> task.toBuilder().setAgentId(id.orElse(NOT_YET)).build()).toList());
        link = client.stream("POST", leader.orElseThrow().resolve(AgentLink.SUBSCRIBE_PATH), JSON,
                subscription.toJson(), new Listener(current));
    }

    private void received(long linkGeneration, AgentEvent event) {
        if (linkGeneration != generation) {
            return;
        }
        switch (event) {
            case AgentEvent.Registered registered -> {
                id = Optional.of(registered.agentId());
                failedAttempts = 0;
                registrations.registered(registered, System.nanoTime());
            }
            case AgentEvent.Ping ping -> id.ifPresent(agentId -> client.send("POST",
                    leader.orElseThrow().resolve(AgentLink.CALL_PATH), JSON, new AgentCall.Pong(agentId).toJson()));
            default -> {
                // Runs nothing: work for it is not expected, and dropped.
            }
        }
    }

    private void lost(long linkGeneration) {
        if (linkGeneration != generation) {
            return;
        }
        link = null;
        schedule(backoff(failedAttempts++));
    }

    private void schedule(long delayNanos) {
        long current = ++generation;
        retry = thread.schedule(() -> {
            if (current == generation && leader.isPresent()) {
                subscribe();
            }
        }, delayNanos, TimeUnit.NANOSECONDS);
    }

    private long backoff(int attempt) {
        long bound = Math.min(MAX_BACKOFF_NANOS, backoffFactorNanos << Math.min(attempt, 20));
        return bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1);
    }

    /** Hands the link's events to the fleet's thread. Netty calls it on one event loop, in order. */
    private final class Listener implements StreamListener {

        private final long linkGeneration;
        private final RecordIODecoder decoder = new RecordIODecoder(4 * 1024 * 1024);
        private boolean refused;

        Listener(long linkGeneration) {
            this.linkGeneration = linkGeneration;
        }

        @Override
        public void onResponse(int status, HttpHeaders headers) {
            refused = status != 200;
        }

        @Override
        public void onChunk(byte[] chunk) {
            if (refused) {
                return;
            }
            try {
                for (byte[] record : decoder.decode(chunk)) {
                    AgentEvent event = AgentEvent.fromJson(record);
                    thread.execute(() -> received(linkGeneration, event));
                }
            } catch (Exception e) {
                thread.execute(() -> lost(linkGeneration));
            }
        }

        @Override
        public void onEnd() {
            thread.execute(() -> lost(linkGeneration));
        }

        @Override
        public void onFailure(Throwable cause) {
            thread.execute(() -> lost(linkGeneration));
        }
    }
}
