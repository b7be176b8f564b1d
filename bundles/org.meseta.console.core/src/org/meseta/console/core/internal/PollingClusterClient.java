package org.meseta.console.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterListener;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.PollSettings;

/**
 * A {@link ClusterClient} that polls {@code GET_AGENTS}: every poll interval while the master
 * answers, after a doubling back-off while it fails.
 *
 * <p>An actor: every field below the {@link ClientThread} is touched only on that thread, so no
 * locks are needed. Public methods enqueue work. HTTP runs asynchronously in the JDK client and
 * its outcome is posted back to the client's thread together with the number of the connection
 * ("generation") it belongs to, so an answer from a master the user has since left is dropped.
 * A poll is only sent once the answer to the previous one has been handled.
 */
public final class PollingClusterClient implements ClusterClient {

    private static final System.Logger LOG = System.getLogger(PollingClusterClient.class.getName());

    private final PollSettings settings;
    private final OperatorApi api;
    private final ClientThread thread;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ConnectionState published = new ConnectionState.Disconnected();

    private final List<ClusterListener> listeners = new ArrayList<>();
    private final Backoff backoff;
    private MasterAddress master;
    private long generation;
    private ClientThread.Delayed nextPoll;

    /** A disconnected client with a thread of its own. */
    public PollingClusterClient(PollSettings settings) {
        this(settings, new ExecutorClientThread("meseta-console-client"));
    }

    /** A disconnected client that runs on {@code thread} (tests pass one they drive themselves). */
    PollingClusterClient(PollSettings settings, ClientThread thread) {
        this.settings = settings;
        this.api = new OperatorApi(settings.requestTimeout());
        this.backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
        this.thread = thread;
    }

    @Override
    public void connect(MasterAddress newMaster) {
        if (closed.get()) {
            throw new IllegalStateException("The cluster client is closed");
        }
        enqueue(() -> follow(newMaster));
    }

    @Override
    public void disconnect() {
        enqueue(() -> follow(null));
    }

    @Override
    public ConnectionState state() {
        return published;
    }

    @Override
    public void addListener(ClusterListener listener) {
        enqueue(() -> {
            if (!listeners.contains(listener)) {
                listeners.add(listener);
                tell(listener, published);
            }
        });
    }

    @Override
    public void removeListener(ClusterListener listener) {
        enqueue(() -> listeners.remove(listener));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            thread.shutdown();
            api.close();
        }
    }

    private void follow(MasterAddress newMaster) {
        generation++;
        master = newMaster;
        backoff.reset();
        if (nextPoll != null) {
            nextPoll.cancel();
            nextPoll = null;
        }
        if (newMaster == null) {
            publish(new ConnectionState.Disconnected());
        } else {
            publish(new ConnectionState.Connecting(newMaster));
            poll(generation);
        }
    }

    private void poll(long pollGeneration) {
        if (pollGeneration != generation) {
            return;
        }
        nextPoll = null;
        api.getAgents(master).thenAccept(outcome -> enqueue(() -> handle(pollGeneration, outcome)));
    }

    private void handle(long pollGeneration, PollOutcome outcome) {
        if (pollGeneration != generation) {
            return;
        }
        Duration delay;
        switch (outcome) {
            case PollOutcome.Agents agents -> {
                backoff.reset();
                delay = settings.pollInterval();
                publish(new ConnectionState.Connected(master, agents.leader(), agents.snapshot()));
            }
            case PollOutcome.Unreachable unreachable -> {
                delay = backoff.nextDelay();
                publish(new ConnectionState.Unreachable(master, unreachable.reason(), delay));
            }
            case PollOutcome.ProtocolError error -> {
                delay = backoff.nextDelay();
                publish(new ConnectionState.ProtocolError(master, error.reason(), delay));
            }
        }
        try {
            nextPoll = thread.schedule(() -> poll(pollGeneration), delay);
        } catch (RejectedExecutionException afterClose) {
            // closed while this answer was handled: no more polls
        }
    }

    private void publish(ConnectionState state) {
        if (state.equals(published)) {
            return;
        }
        published = state;
        for (ClusterListener listener : List.copyOf(listeners)) {
            tell(listener, state);
        }
    }

    private static void tell(ClusterListener listener, ConnectionState state) {
        try {
            listener.stateChanged(state);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A cluster listener failed on " + state.describe(), e);
        }
    }

    private void enqueue(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException afterClose) {
            // closed: nothing more is done or reported, as close() promises
        }
    }
}
