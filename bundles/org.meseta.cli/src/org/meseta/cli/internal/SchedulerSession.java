package org.meseta.cli.internal;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.flags.StoutDuration;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;

/**
 * The I/O around {@link ExecuteScheduler}: subscribes to the master (following redirects to the leader), feeds the
 * events of the stream to the scheduler, carries out its effects, and reports the exit status once the run is over.
 *
 * <p>A master that accepts no connection is tried again as {@link ConnectRetry} says. All state is owned by
 * {@code actor}: HTTP callbacks only hand {@link StreamSignal}s and call answers to it.
 * The stream is watched: when nothing, not even a heartbeat, arrives for {@value #MISSED_HEARTBEATS} heartbeat
 * intervals, the master is taken to be gone. Lines for the user go to {@code out}; the one line saying why a run
 * failed goes to {@code err}.
 */
final class SchedulerSession implements SchedulerEffects {

    private static final int MAX_REDIRECTS = 5;
    private static final int MISSED_HEARTBEATS = 5;
    /** Mesos's heartbeat interval, assumed until SUBSCRIBED says otherwise. */
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private final ExecuteOptions options;
    private final ConnectRetry retry;
    private final HttpClient client;
    private final Actor actor;
    private final PrintStream out;
    private final PrintStream err;
    private final ExecuteScheduler scheduler;
    private final CompletableFuture<Integer> exitStatus = new CompletableFuture<>();
    /** Completes once the run is over and the framework torn down, however it ended. */
    private final CompletableFuture<Void> over = new CompletableFuture<>();

    private URI endpoint;
    private int redirects;
    private int failedConnects;
    private CompletableFuture<Void> stream;
    private CallSender calls;
    private Duration heartbeat = DEFAULT_HEARTBEAT;
    private Actor.Timer watchdog = () -> { };
    private Actor.Timer killTimer = () -> { };
    private Actor.Timer reconnect = () -> { };

    SchedulerSession(ExecuteOptions options, ConnectRetry retry, HttpClient client, Actor actor, PrintStream out,
            PrintStream err) {
        this.options = options;
        this.retry = retry;
        this.client = client;
        this.actor = actor;
        this.out = out;
        this.err = err;
        this.scheduler = new ExecuteScheduler(options, this);
    }

    /** Subscribes; returns at once. */
    void start() {
        actor.run(() -> subscribe(options.master().schedulerUri()));
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

    @Override
    public void send(Call call) {
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
        String mediaType = options.contentType().mediaType();
        byte[] body = options.contentType().encode(scheduler.subscribe());
        stream = client.stream("POST", uri, HttpHeaders.of("Content-Type", mediaType, "Accept", mediaType), body,
                new EventStream(options.contentType(), signal -> actor.run(() -> on(signal))));
    }

    private void on(StreamSignal signal) {
        switch (signal) {
            case StreamSignal.Opened opened -> {
                calls = new CallSender(client, endpoint, options.contentType(), opened.streamId(), actor,
                        (type, reason) -> scheduler.fail(reason));
                watch();
            }
            case StreamSignal.Redirected redirected -> redirect(redirected.location());
            case StreamSignal.Unreachable unreachable -> retry(unreachable.reason());
            case StreamSignal.Refused refused -> scheduler.fail("the master at " + authority()
                    + " refused the subscription: " + refused.status() + " " + refused.body());
            case StreamSignal.Received received -> received(received.event());
            case StreamSignal.Ended ended -> scheduler.fail("the master at " + authority()
                    + " closed the event stream");
            case StreamSignal.Broken broken -> scheduler.fail((calls == null ? "could not subscribe with"
                    : "lost the event stream from") + " the master at " + authority() + ": " + broken.reason());
        }
    }

    private void received(Event event) {
        if (event.getType() == Event.Type.SUBSCRIBED && event.getSubscribed().getHeartbeatIntervalSeconds() > 0) {
            heartbeat = Duration.ofMillis((long) (event.getSubscribed().getHeartbeatIntervalSeconds() * 1000));
        }
        watch();
        scheduler.handle(event);
    }

    /** Tries the same master again after a while, unless the retry policy says to give up. */
    private void retry(String reason) {
        failedConnects++;
        Optional<Duration> wait = retry.next(failedConnects);
        if (wait.isPresent()) {
            URI again = endpoint;
            reconnect = actor.schedule(wait.get(), () -> subscribe(again));
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
        watchdog = actor.schedule(silence, () -> scheduler.fail("no event from the master at " + authority()
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

    private String authority() {
        return endpoint.getRawAuthority();
    }
}
