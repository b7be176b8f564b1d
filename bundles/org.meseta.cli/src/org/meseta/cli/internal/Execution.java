package org.meseta.cli.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.meseta.daemon.Actor;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.Teardown;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.meseta.zk.LeaderFollower;
import org.meseta.zk.ZkClients;

/**
 * One run of {@code meseta-execute}: the session with the master and the threads and connections it uses. It
 * finishes by itself ({@link #exitStatus()}); closing it before that kills the task and tears the framework down.
 */
final class Execution implements Daemon.Running {

    static final String PROGRAM = "meseta-execute";

    /** Short, so that retrying a master that does not answer at all stays within seconds too. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** How long closing waits for the task to be killed and the framework torn down. */
    private static final Duration WIND_DOWN = Duration.ofSeconds(10);

    private final MasterLocation master;
    private final SchedulerSession session;
    private final Teardown owned;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Execution(MasterLocation master, SchedulerSession session, Teardown owned) {
        this.master = master;
        this.session = session;
        this.owned = owned;
    }

    /**
     * Starts a run: subscribes to the master and returns at once. What it reports goes to {@code out} (progress)
     * and {@code err} (the one line saying why it failed).
     */
    static Execution start(ExecuteOptions options, PrintStream out, PrintStream err) {
        return start(options, ConnectRetry.DEFAULT, out, err);
    }

    /** {@link #start(ExecuteOptions, PrintStream, PrintStream)} with its own patience for an unreachable master. */
    static Execution start(ExecuteOptions options, ConnectRetry retry, PrintStream out, PrintStream err) {
        return start(options, retry, SchedulerSession.LEADER_WAIT, out, err);
    }

    /** As above, also with its own patience for ZooKeeper to name another leader ({@code --master=zk://}). */
    static Execution start(ExecuteOptions options, ConnectRetry retry, Duration leaderWait, PrintStream out,
            PrintStream err) {
        Teardown owned = new Teardown();
        try {
            HttpTransport transport = owned.own(HttpTransport.create("execute-http", 1));
            HttpClient client = owned.own(new HttpClient(transport, HttpClientOptions.defaults()
                    .withConnectTimeout(CONNECT_TIMEOUT)));
            Actor actor = owned.own(new Actor("execute"));
            SchedulerSession session = new SchedulerSession(options, retry, leaderWait, client, actor, out, err);
            session.start();
            if (options.master() instanceof MasterLocation.ZooKeeper group) {
                owned.own(LeaderFollower.start(group.url(), ZkClients.DEFAULT_SESSION_TIMEOUT,
                        session::leaderDetected));
            }
            return new Execution(options.master(), session, owned);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    @Override
    public String endpoint() {
        return master.toString();
    }

    @Override
    public CompletionStage<Integer> exitStatus() {
        return session.exitStatus();
    }

    /** Kills the task and tears the framework down unless the run is over, then releases threads and connections. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            session.interrupt(WIND_DOWN);
            owned.close();
        }
    }
}
