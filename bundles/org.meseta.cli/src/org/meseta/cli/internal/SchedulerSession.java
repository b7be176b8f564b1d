package org.meseta.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.flags.StoutDuration;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.zk.MasterInfos;

/**
 * The I/O around {@link ExecuteScheduler}: subscribes to the master (following redirects to the leader), feeds the
 * events of the stream to the scheduler, carries out its effects, and reports the exit status once the run is over.
 *
 * <p>A master that accepts no connection is tried again as {@link ConnectRetry} says. All state is owned by
 * {@code actor}: HTTP callbacks only hand {@link StreamSignal}s and call answers to it.
 * The stream is watched: when nothing, not even a heartbeat, arrives for {@value #MISSED_HEARTBEATS} heartbeat
 * intervals, the master is taken to be gone. Lines for the user go to {@code out}; the one line saying why a run
 * failed goes to {@code err}.
 *
 * <p>With {@code --master=zk://...} the session subscribes to the leader ZooKeeper names
 * ({@link #leaderDetected}) and follows it: when the stream to it ends, breaks or goes silent, or the leader
 * cannot be reached, the session subscribes again, as the framework it became, with the leader named then, as a
 * Mesos scheduler does across a master failover. It gives up when no other leader is named within its leader wait
 * ({@link #LEADER_WAIT} unless a test says otherwise). A 503 (a master that has not recovered yet, or knows no
 * leader) is then tried again as an unreachable master is.
 */
final class SchedulerSession implements SchedulerEffects {

    private static final int MAX_REDIRECTS = 5;
    private static final int MISSED_HEARTBEATS = 5;
    /** Mesos's heartbeat interval, assumed until SUBSCRIBED says otherwise. */
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    /** How long a run with {@code --master=zk://} waits for ZooKeeper to name a leader it can subscribe with. */
    static final Duration LEADER_WAIT = Duration.ofSeconds(30);

    private final ExecuteOptions options;
    private final ConnectRetry retry;
    private final Duration leaderWait;
    private final HttpClient client;
    private final Actor actor;
    private final PrintStream out;
    private final PrintStream err;
    private final ExecuteScheduler scheduler;
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    /** Completes once the run is over and the framework torn down, however it ended. */
    private final CompletableFuture<Void> over = new CompletableFuture<>();

    private URI endpoint;
    /** Counts the subscription attempts: signals of a stream given up for a newer one are ignored. */
    private long subscriptions;
    private int redirects;
    private int failedConnects;
    private CompletableFuture<Void> stream;
    private CallSender calls;
    private Duration heartbeat = DEFAULT_HEARTBEAT;
    private Actor.Timer watchdog = () -> { };
    private Actor.Timer killTimer = () -> { };
    private Actor.Timer reconnect = () -> { };
    /** With {@code --master=zk://}: the scheduler endpoint of the leader ZooKeeper names now, if any. */
    private Optional<URI> leader = Optional.empty();
    /** With {@code --master=zk://}: waiting for a leader other than this endpoint (or any, when empty) to subscribe. */
    private Optional<Optional<URI>> awaitingLeader = Optional.empty();
    private Actor.Timer leaderTimer = () -> { };

    SchedulerSession(ExecuteOptions options, ConnectRetry retry, Duration leaderWait, HttpClient client, Actor actor,
            PrintStream out, PrintStream err) {
        this.options = options;
        this.retry = retry;
        this.leaderWait = leaderWait;
        this.client = client;
        this.actor = actor;
        this.out = out;
        this.err = err;
        this.scheduler = new ExecuteScheduler(options, this);
    }

    /** Subscribes (with {@code --master=zk://}, once a leader is named); returns at once. */
    void start() {
        actor.run(() -> {
            switch (options.master()) {
                case MasterLocation.Fixed fixed -> subscribe(fixed.address().schedulerUri());
                case MasterLocation.ZooKeeper group -> awaitLeader(Optional.empty(), "no master leads in " + group);
            }
        });
    }

    /** The leading master ZooKeeper names now (empty: none), with {@code --master=zk://}; from any thread. */
    void leaderDetected(Optional<MasterInfo> detected) {
        Optional<URI> uri = detected.map(info -> URI.create("http://" + MasterInfos.ip(info) + ":"
                + MasterInfos.port(info) + MasterAddress.SCHEDULER_PATH));
        actor.run(() -> detected(uri));
    }

    /**
     * Completes with the exit status once the run is over and the framework torn down: 0 when the task finished, 1
     * when it did not or the run failed. Never completes exceptionally, nor for a run that was interrupted.
     */
    CompletionStage<Integer> exitStatus() {
        return exitStatus.minimalCompletionStage();
    }

    /**
     * Winds the run down from outside: kills the task, tears the framework down and waits for that up to
     * {@code grace}. Does nothing more once the run is over. Must not be called on the session's actor.
     */
    void interrupt(Duration grace) {
        actor.run(scheduler::interrupt);
        try {
            over.get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            err.println(Execution.PROGRAM + ": could not tear the framework down within "
                    + StoutDuration.format(grace) + "; the master removes it once this process is gone");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Sends {@code call} on the current subscription. While a run that follows the leader subscribes again, there is
     * none: the call is dropped, as it would be by the master that went (a TEARDOWN is then the new master's
     * business: the framework has no failover timeout).
     */
    @Override
    public void send(Call call) {
        if (calls == null && followsLeader()) {
            return;
        }
        if (calls == null) {
            throw new IllegalStateException("No subscription to send " + call.getType() + " on");
        }
        calls.send(call);
    }

    @Override
    public void print(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void armKillTimer(Duration delay) {
        killTimer = actor.schedule(delay, scheduler::killTimerFired);
    }

    @Override
    public void finish(Outcome outcome) {
        if (outcome instanceof Outcome.Failed failed) {
            err.println(Execution.PROGRAM + ": " + failed.reason());
            err.flush();
        }
        watchdog.cancel();
        killTimer.cancel();
        reconnect.cancel();
        leaderTimer.cancel();
        Runnable end = () -> {
            // Only now: the master refuses calls from a framework whose stream is gone.
            if (stream != null) {
                stream.cancel(false);
            }
            switch (outcome) {
                case Outcome.Succeeded succeeded -> exitStatus.complete(0);
                case Outcome.Failed failed -> exitStatus.complete(1);
                case Outcome.Interrupted interrupted -> {
                    // The signal that interrupted the run decides how the process ends.
                }
            }
            over.complete(null);
        };
        if (calls == null) {
            end.run();
        } else {
            calls.whenIdle(end);
        }
    }

    private void subscribe(URI uri) {
        endpoint = uri;
        long current = ++subscriptions;
        String mediaType = options.contentType().mediaType();
        byte[] body = options.contentType().encode(scheduler.subscribe());
        stream = client.stream("POST", uri, HttpHeaders.of("Content-Type", mediaType, "Accept", mediaType), body,
                new EventStream(options.contentType(), signal -> actor.run(() -> {
                    if (current == subscriptions) {
                        on(signal);
                    }
                })));
    }

    private void on(StreamSignal signal) {
        switch (signal) {
            case StreamSignal.Opened opened -> {
                long current = subscriptions;
                calls = new CallSender(client, endpoint, options.contentType(), opened.streamId(), actor,
                        (type, reason, delivered) -> callFailed(current, reason, delivered));
                watch();
            }
            case StreamSignal.Redirected redirected -> redirect(redirected.location());
            case StreamSignal.Unreachable unreachable -> retry(unreachable.reason());
            case StreamSignal.Refused refused when refused.status() == 503 && followsLeader() -> retry(
                    refused.status() + " " + refused.body());
            case StreamSignal.Refused refused -> scheduler.fail("the master at " + authority()
                    + " refused the subscription: " + refused.status() + " " + refused.body());
            case StreamSignal.Received received -> received(received.event());
            case StreamSignal.Ended ended -> lost("the master at " + authority() + " closed the event stream");
            case StreamSignal.Broken broken -> lost((calls == null ? "could not subscribe with"
                    : "lost the event stream from") + " the master at " + authority() + ": " + broken.reason());
        }
    }

    /**
     * A call of subscription {@code subscription} failed: the run fails, unless the call did not reach the master and
     * ZooKeeper may name another (the master is then taken to be gone). Calls of an earlier subscription no longer
     * matter.
     */
    private void callFailed(long subscription, String reason, boolean delivered) {
        if (subscription != subscriptions) {
            return;
        }
        if (delivered) {
            scheduler.fail(reason);
        } else {
            lost(reason);
        }
    }

    /**
     * The master is gone: the run fails, unless ZooKeeper names the leader, whom the framework subscribes with
     * again.
     */
    private void lost(String reason) {
        if (!followsLeader() || scheduler.isFinished()) {
            scheduler.fail(reason);
            return;
        }
        if (calls == null) {
            retry(reason);
            return;
        }
        print(reason.substring(0, 1).toUpperCase(Locale.ROOT) + reason.substring(1)
                + "; subscribing again with the leading master");
        watchdog.cancel();
        if (stream != null) {
            stream.cancel(false);
        }
        // What the old stream and its calls still report no longer matters.
        subscriptions++;
        calls = null;
        failedConnects = 0;
        redirects = 0;
        subscribe(leader.orElse(endpoint));
    }

    /**
     * Subscribes with the leader ZooKeeper names, once it is not {@code not} (a leader that could not be reached):
     * now if it is known, else when it is; fails with {@code reason} after the leader wait.
     */
    private void awaitLeader(Optional<URI> not, String reason) {
        leaderTimer.cancel();
        if (leader.isPresent() && !leader.equals(not)) {
            subscribe(leader.get());
            return;
        }
        awaitingLeader = Optional.of(not);
        leaderTimer = actor.schedule(leaderWait, () -> scheduler.fail(reason + ", and ZooKeeper named no other"
                + " leading master within " + StoutDuration.format(leaderWait)));
    }

    private void detected(Optional<URI> detected) {
        if (detected.equals(leader)) {
            return;
        }
        leader = detected;
        failedConnects = 0;
        if (detected.isPresent() && awaitingLeader.isPresent() && !detected.equals(awaitingLeader.get())) {
            awaitingLeader = Optional.empty();
            leaderTimer.cancel();
            redirects = 0;
            subscribe(detected.get());
        }
    }

    private void received(Event event) {
        if (event.getType() == Event.Type.SUBSCRIBED && event.getSubscribed().getHeartbeatIntervalSeconds() > 0) {
            heartbeat = Duration.ofMillis((long) (event.getSubscribed().getHeartbeatIntervalSeconds() * 1000));
        }
        watch();
        scheduler.handle(event);
    }

    /**
     * Tries the same master (with ZooKeeper, the leader named by then) again after a while, unless the retry policy
     * says to give up: then a run with ZooKeeper waits for another leader.
     */
    private void retry(String reason) {
        failedConnects++;
        Optional<Duration> wait = retry.next(failedConnects);
        if (wait.isPresent()) {
            URI again = endpoint;
            reconnect = actor.schedule(wait.get(), () -> subscribe(followsLeader() ? leader.orElse(again) : again));
        } else if (followsLeader()) {
            awaitLeader(Optional.of(endpoint), "cannot connect to the master at " + authority() + " ("
                    + failedConnects + " attempts): " + reason);
        } else {
            scheduler.fail("cannot connect to the master at " + authority() + " (" + failedConnects + " attempts): "
                    + reason);
        }
    }

    /** (Re)starts the watchdog: every event, a heartbeat included, shows that the master is still there. */
    private void watch() {
        watchdog.cancel();
        if (scheduler.isFinished()) {
            return;
        }
        Duration silence = heartbeat.multipliedBy(MISSED_HEARTBEATS);
        watchdog = actor.schedule(silence, () -> lost("no event from the master at " + authority()
                + " for " + StoutDuration.format(silence) + ", not even a heartbeat"));
    }

    /** Follows a non-leading master's redirect to the leader, taking its scheduler endpoint from there on. */
    private void redirect(String location) {
        URI target;
        try {
            target = endpoint.resolve(location);
        } catch (IllegalArgumentException e) {
            scheduler.fail("the master at " + authority() + " redirected to an invalid location '" + location + "'");
            return;
        }
        if (!"http".equals(target.getScheme()) || target.getHost() == null) {
            scheduler.fail("the master at " + authority() + " redirected to '" + location + "', which is not an"
                    + " http:// address");
        } else if (++redirects > MAX_REDIRECTS) {
            scheduler.fail("gave up after " + MAX_REDIRECTS + " redirects; the last was to " + location);
        } else {
            boolean noPath = target.getRawPath() == null || target.getRawPath().isEmpty()
                    || target.getRawPath().equals("/");
            subscribe(noPath ? target.resolve(MasterAddress.SCHEDULER_PATH) : target);
        }
    }

    /** Whether the run follows the leader ZooKeeper names ({@code --master=zk://...}). */
    private boolean followsLeader() {
        return options.master() instanceof MasterLocation.ZooKeeper;
    }

    private String authority() {
        return endpoint.getRawAuthority();
    }
}
