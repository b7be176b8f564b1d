package org.meseta.agent.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentLink;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.flags.StoutDuration;
import org.meseta.api.json.JsonCodecException;
import org.meseta.api.recordio.RecordIODecoder;
import org.meseta.api.recordio.RecordIOException;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpResponse;
import org.meseta.http.StreamListener;

/**
 * The agent's side of the agent link: subscribes to the master, answers pings, sends the agent's calls
 * ({@link #send}), hands the master's work to the agent, and re-subscribes with Mesos's backoff (a random wait in
 * [0, factor * 2^attempt], capped at one minute) whenever the stream ends, fails or stays silent longer than the
 * ping timeout the master announced, and when the master answers a call with 404 (it no longer knows this agent,
 * e.g. after a failover). A refused subscription (the master answers with an error status) is logged as a warning
 * with the master's reason and retried the same way. A master that sends SHUTDOWN (the operator marked the agent
 * gone) ends the link for good: the agent does not subscribe again. Runs on the agent's actor thread;
 * {@link #start()} may be called once.
 *
 * <p>The master is the one {@code --master} names, or with {@code --master=zk://...} the leading master
 * {@link MasterDetection} reports: while none is known the link waits, and when another master leads the link to
 * the previous one is dropped and the agent subscribes to the new leader, as a Mesos agent re-registers with a newly
 * elected master, keeping its id and reporting its tasks.
 */
final class MasterLink implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(MasterLink.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);
    private static final int MAX_EVENT_BYTES = 4 * 1024 * 1024;
    private static final HttpHeaders JSON = HttpHeaders.of("Content-Type", "application/json",
            "Accept", "application/json");

    private final AgentConfig config;
    private final Actor actor;
    private final HttpClient client;
    private final Supplier<AgentSubscribe> subscription;
    private final Consumer<AgentEvent.Registered> onRegistered;
    private final Runnable onDisconnected;
    private final Consumer<AgentEvent> onWork;
    private final Lifecycle lifecycle = new Lifecycle("The link to the master");
    private volatile MasterDetection detection;

    private CompletableFuture<Void> stream;
    private long generation;
    private int failedAttempts;
    private Actor.Timer retry = () -> {};
    private Actor.Timer watchdog = () -> {};
    private AgentEvent.Registered registration;
    /** Whether the current link has been registered and not lost since. */
    private boolean linked;
    /** Whether the master shut this agent down for good (it was marked gone): no more subscriptions. */
    private boolean shutDown;
    /** The master to link to, as last detected; empty while no master is known to lead. */
    private Optional<MasterAddress> leader = Optional.empty();
    /** The master of the current subscription (being made or made), null between subscriptions. */
    private MasterAddress linkedTo;

    MasterLink(AgentConfig config, Actor actor, HttpClient client, Supplier<AgentSubscribe> subscription,
            Consumer<AgentEvent.Registered> onRegistered, Runnable onDisconnected, Consumer<AgentEvent> onWork) {
        this.config = config;
        this.actor = actor;
        this.client = client;
        this.subscription = subscription;
        this.onRegistered = onRegistered;
        this.onDisconnected = onDisconnected;
        this.onWork = onWork;
    }

    /**
     * Starts subscribing after the first random backoff, as a Mesos agent does, once a master is known.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start() {
        lifecycle.start();
        detection = MasterDetection.start(config.master(), detected -> actor.run(() -> detected(detected)));
    }

    private void connect() {
        if (lifecycle.isClosed()) {
            return;
        }
        if (leader.isEmpty()) {
            // The next master detected schedules the subscription.
            LOG.log(System.Logger.Level.DEBUG, "No leading master detected in {0} yet", config.master());
            return;
        }
        long current = ++generation;
        linkedTo = leader.get();
        LOG.log(System.Logger.Level.DEBUG, "Subscribing to master {0}", linkedTo);
        stream = client.stream("POST", linkedTo.uri(AgentLink.SUBSCRIBE_PATH), JSON,
                subscription.get().toJson(), new LinkListener(current, new RecordIODecoder(MAX_EVENT_BYTES)));
    }

    /**
     * The detection reported the master to link to. As a Mesos agent does for a newly elected master, the agent
     * subscribes to it after a fresh backoff, dropping a subscription to another master; while no master is known,
     * the current subscription (if any) stands.
     */
    private void detected(Optional<MasterAddress> detected) {
        if (lifecycle.isClosed() || detected.equals(leader)) {
            return;
        }
        boolean first = leader.isEmpty() && registration == null;
        leader = detected;
        if (config.master() instanceof MasterLocation.ZooKeeper) {
            LOG.log(System.Logger.Level.INFO, detected.map(master -> "Leading master detected at " + master)
                    .orElse("No leading master is known in " + config.master() + "; waiting for one"));
        }
        if (detected.isEmpty() || detected.get().equals(linkedTo)) {
            return;
        }
        failedAttempts = 0;
        if (linkedTo != null) {
            lost(generation, "another master leads now", System.Logger.Level.INFO);
        } else {
            retry.cancel();
            scheduleRetry(first ? "starting" : "a new leading master was detected", System.Logger.Level.INFO);
        }
    }

    /**
     * Hands the link's events to the actor. Netty calls it on one event loop, in order, so its own state
     * (the body of a refusal) needs no locking.
     */
    private final class LinkListener implements StreamListener {
        private static final int MAX_REFUSAL_BYTES = 1024;

        private final long linkGeneration;
        private final RecordIODecoder decoder;
        private int refusedStatus;
        private final ByteArrayOutputStream refusal = new ByteArrayOutputStream();

        LinkListener(long linkGeneration, RecordIODecoder decoder) {
            this.linkGeneration = linkGeneration;
            this.decoder = decoder;
        }

        @Override
        public void onResponse(int status, HttpHeaders headers) {
            if (status != 200) {
                refusedStatus = status;
            }
        }

        @Override
        public void onChunk(byte[] chunk) {
            if (refusedStatus != 0) {
                refusal.write(chunk, 0, Math.min(chunk.length, MAX_REFUSAL_BYTES - refusal.size()));
            } else {
                actor.run(() -> received(linkGeneration, decoder, chunk));
            }
        }

        @Override
        public void onEnd() {
            if (refusedStatus == 0) {
                actor.run(() -> lost(linkGeneration, "master closed the link", System.Logger.Level.INFO));
            } else {
                String reason = "master refused the subscription: HTTP " + refusedStatus + " "
                        + refusal.toString(StandardCharsets.UTF_8).strip();
                actor.run(() -> lost(linkGeneration, reason, System.Logger.Level.WARNING));
            }
        }

        @Override
        public void onFailure(Throwable cause) {
            actor.run(() -> lost(linkGeneration, describe(cause), System.Logger.Level.INFO));
        }
    }

    private void received(long linkGeneration, RecordIODecoder decoder, byte[] chunk) {
        if (linkGeneration != generation || lifecycle.isClosed()) {
            return;
        }
        try {
            List<byte[]> records = decoder.decode(chunk);
            for (byte[] record : records) {
                if (linkGeneration != generation) {
                    return; // an earlier record ended this link
                }
                handle(linkGeneration, AgentEvent.fromJson(record));
            }
        } catch (RecordIOException | JsonCodecException e) {
            lost(linkGeneration, "unreadable event from master: " + e.getMessage(), System.Logger.Level.WARNING);
        }
    }

    private void handle(long linkGeneration, AgentEvent event) {
        switch (event) {
            case AgentEvent.Registered registered -> {
                boolean first = registration == null;
                registration = registered;
                linked = true;
                failedAttempts = 0;
                LOG.log(System.Logger.Level.INFO, "{0} with master {1} as agent {2}",
                        first ? "Registered" : "Re-registered", registered.masterInfo().getPid(),
                        registered.agentId().getValue());
                onRegistered.accept(registered);
                armWatchdog();
            }
            case AgentEvent.Ping ping -> {
                if (registration == null) {
                    lost(linkGeneration, "the master sent PING before REGISTERED", System.Logger.Level.WARNING);
                    return;
                }
                armWatchdog();
                send(new AgentCall.Pong(registration.agentId()));
            }
            case AgentEvent.RunTask work -> onWork.accept(work);
            case AgentEvent.RunTaskGroup work -> onWork.accept(work);
            case AgentEvent.KillTask work -> onWork.accept(work);
            case AgentEvent.ShutdownExecutor work -> onWork.accept(work);
            case AgentEvent.ShutdownFramework work -> onWork.accept(work);
            case AgentEvent.Acknowledge work -> onWork.accept(work);
            case AgentEvent.FrameworkMessage work -> onWork.accept(work);
            case AgentEvent.UpdateTotal work -> onWork.accept(work);
            case AgentEvent.Drain work -> onWork.accept(work);
            case AgentEvent.Shutdown shutdown -> {
                LOG.log(System.Logger.Level.ERROR, "Master {0} shut this agent down: {1}; it will not subscribe"
                        + " again", linkedTo, shutdown.message());
                shutDown = true;
                lost(linkGeneration, shutdown.message(), System.Logger.Level.ERROR);
                onWork.accept(shutdown);
            }
        }
    }

    /**
     * Tells the master something, fire and forget; must run on the actor thread. Without a link (before registering,
     * or while re-subscribing) the call is dropped: status updates are sent again once the link is back, and Mesos
     * gives executor messages no guarantee either.
     */
    void send(AgentCall call) {
        if (!linked || lifecycle.isClosed()) {
            LOG.log(System.Logger.Level.DEBUG, "No link to master {0}: dropping a {1}", masterName(),
                    call.getClass().getSimpleName());
            return;
        }
        long current = generation;
        MasterAddress master = linkedTo;
        client.send("POST", master.uri(AgentLink.CALL_PATH), JSON, call.toJson())
                .whenComplete((answer, failure) -> actor.run(() -> answered(current, master, call, answer, failure)));
    }

    /** A master that answers a call with 404 has forgotten this agent: only a new subscription helps. */
    private void answered(long linkGeneration, MasterAddress master, AgentCall call,
            HttpResponse.FullResponse answer, Throwable failure) {
        String what = call.getClass().getSimpleName();
        if (failure != null) {
            // A lost pong is the master's business (a master that is gone stops pinging and the watchdog fires); a
            // lost status update is sent again by the status update manager.
            LOG.log(System.Logger.Level.DEBUG, "{0} to master {1} failed: {2}", what, master, describe(failure));
        } else if (answer.status() == 404) {
            lost(linkGeneration, "master does not know this agent: " + answer.bodyText().strip(),
                    System.Logger.Level.WARNING);
        } else if (answer.status() != 202) {
            LOG.log(System.Logger.Level.WARNING, "Master {0} answered a {1} with HTTP {2}: {3}", master, what,
                    answer.status(), answer.bodyText().strip());
        }
    }

    private void armWatchdog() {
        watchdog.cancel();
        long current = generation;
        Duration timeout = registration.pingTimeout();
        watchdog = actor.schedule(timeout, () -> lost(current, "no ping from the master for "
                + StoutDuration.format(timeout), System.Logger.Level.INFO));
    }

    /** Ends the link of {@code linkGeneration} unless a newer one replaced it, and retries at {@code level}. */
    private void lost(long linkGeneration, String reason, System.Logger.Level level) {
        if (linkGeneration != generation || lifecycle.isClosed()) {
            return;
        }
        generation++;
        linked = false;
        linkedTo = null;
        watchdog.cancel();
        if (stream != null) {
            stream.cancel(true);
        }
        onDisconnected.run();
        scheduleRetry(reason, level);
    }

    private void scheduleRetry(String reason, System.Logger.Level level) {
        if (shutDown) {
            return;
        }
        Duration delay = backoff(failedAttempts++);
        // A first failure before any registration is expected (the master may not be up yet), a refusal never.
        if (failedAttempts > 1 || registration != null || level == System.Logger.Level.WARNING) {
            LOG.log(level, "No link to master {0} ({1}); retrying in {2}", masterName(), reason,
                    StoutDuration.format(delay));
        }
        retry = actor.schedule(delay, this::connect);
    }

    /** The master for the log: the one linked to or detected, else where masters are looked for. */
    private String masterName() {
        return linkedTo != null ? linkedTo.toString() : leader.map(MasterAddress::toString)
                .orElseGet(() -> config.master().toString());
    }

    /** Random in [0, factor * 2^attempt], capped at one minute. */
    private Duration backoff(int attempt) {
        long factor = config.registrationBackoffFactor().toMillis();
        long bound = Math.min(MAX_BACKOFF.toMillis(), factor << Math.min(attempt, 20));
        return Duration.ofMillis(bound <= 0 ? 0 : ThreadLocalRandom.current().nextLong(bound + 1));
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    /** Stops retrying and detecting, and drops the link; the master marks this agent inactive. Idempotent. */
    @Override
    public void close() {
        if (!lifecycle.close()) {
            return;
        }
        if (detection != null) {
            detection.close();
        }
        actor.call(() -> {
            retry.cancel();
            watchdog.cancel();
            if (stream != null) {
                stream.cancel(true);
            }
            return null;
        }).exceptionally(failure -> null).join();
    }
}
