package org.meseta.console.core.internal;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.mesos.v1.master.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.console.core.ClientSettings;
import org.meseta.console.core.ClusterChangeListener;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterListener;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;

import com.google.protobuf.UninitializedMessageException;

/**
 * A {@link ClusterClient} that follows the master's operator event stream and Meseta's offer stream.
 *
 * <pre>
 *  connect ─► session: SUBSCRIBE ──SUBSCRIBED──► model reset, Connected, offer stream opened
 *                 ▲                                    │ events ─► model ─► (coalesced) change listeners
 *                 │ back-off                           │
 *                 └──── Unreachable / ProtocolError ◄──┘ a stream ended, broke, went silent or was malformed
 *
 *  connect(zk://) ─► LeaderDetector watch ──leader named──► session on it (a new leader: the session moves there)
 *                                         ──none named────► NoLeader (session ended, model kept)
 * </pre>
 *
 * <p>An actor: every field below the {@link ClientThread} is touched only on that thread, so no locks are needed.
 * Public methods enqueue work. HTTP runs in the JDK client, which decodes records on its own threads and posts them
 * here tagged with their {@link Session}; records of a session that has since been given up are dropped. The
 * {@link LiveCluster} is changed event by event and published to change listeners at most once per coalescing
 * interval.
 */
public final class StreamingClusterClient implements ClusterClient {

    private static final System.Logger LOG = System.getLogger(StreamingClusterClient.class.getName());
    /** Mesos's operator heartbeat interval, assumed until SUBSCRIBED says otherwise. */
    static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private final ClientSettings settings;
    private final MasterStreams streams;
    private final ClientThread thread;
    private final GroupWatch group;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ConnectionState published = new ConnectionState.Disconnected();
    private volatile ClusterState cluster = ClusterState.EMPTY;
    private volatile MasterAddress leader;
    private volatile Optional<Credentials> credentials = Optional.empty();

    private final List<ClusterListener> listeners = new ArrayList<>();
    private final List<ClusterChangeListener> changeListeners = new ArrayList<>();
    private final LiveCluster model = new LiveCluster();
    private final Backoff backoff;
    private MasterLocation master;
    /** Where sessions subscribe: the master's address, or the leader its ZooKeeper group names (null: none). */
    private MasterAddress target;
    private Session session;
    private MasterAddress lastLeader;
    private ClientThread.Delayed retry;
    private ClientThread.Delayed flush;

    /** One subscription: the operator stream and, once subscribed, the offer stream. */
    private final class Session {
        MasterStreams.Stream operator;
        MasterStreams.Stream offers;
        MasterAddress answered;
        boolean subscribed;
        Duration heartbeat = DEFAULT_HEARTBEAT;
        ClientThread.Delayed operatorSilence;
        ClientThread.Delayed offersSilence;

        void close() {
            operator.cancel();
            if (offers != null) {
                offers.cancel();
            }
            cancel(operatorSilence);
            cancel(offersSilence);
        }
    }

    /** A disconnected client with a thread of its own that finds leaders in ZooKeeper. */
    public StreamingClusterClient(ClientSettings settings) {
        this(settings, new ExecutorClientThread("meseta-console-client"), new ZooKeeperLeaders());
    }

    /**
     * A disconnected client that runs on {@code thread} and finds the leaders of ZooKeeper groups with
     * {@code leaders} (tests pass ones they drive themselves).
     */
    StreamingClusterClient(ClientSettings settings, ClientThread thread, LeaderDetector leaders) {
        this.settings = settings;
        this.streams = new MasterStreams(settings.requestTimeout());
        this.backoff = new Backoff(settings.firstRetryDelay(), settings.maxRetryDelay());
        this.thread = thread;
        this.group = new GroupWatch(leaders);
    }

    @Override
    public void connect(MasterLocation newMaster, Optional<Credentials> newCredentials) {
        if (closed.get()) {
            throw new IllegalStateException("The cluster client is closed");
        }
        enqueue(() -> follow(newMaster, newCredentials));
    }

    @Override
    public void disconnect() {
        enqueue(() -> follow(null, Optional.empty()));
    }

    @Override
    public void resync() {
        enqueue(() -> {
            if (session != null) {
                endSession();
                startSession();
            }
        });
    }

    @Override
    public ConnectionState state() {
        return published;
    }

    @Override
    public ClusterState cluster() {
        return cluster;
    }

    @Override
    public Optional<MasterAddress> leader() {
        return Optional.ofNullable(leader);
    }

    @Override
    public Optional<Credentials> credentials() {
        return credentials;
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
    public void addChangeListener(ClusterChangeListener listener) {
        enqueue(() -> {
            if (!changeListeners.contains(listener)) {
                changeListeners.add(listener);
                tell(listener, ClusterChange.resetTo(cluster));
            }
        });
    }

    @Override
    public void removeChangeListener(ClusterChangeListener listener) {
        enqueue(() -> changeListeners.remove(listener));
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            thread.shutdown();
            group.stop();
            streams.close();
        }
    }

    private void follow(MasterLocation newMaster, Optional<Credentials> newCredentials) {
        endSession();
        cancel(retry);
        retry = null;
        group.stop();
        master = newMaster;
        credentials = newCredentials;
        target = null;
        lastLeader = null;
        backoff.reset();
        model.clear();
        flushNow();
        switch (newMaster) {
            case null -> publish(new ConnectionState.Disconnected());
            case MasterLocation.Direct direct -> {
                target = direct.address();
                publish(new ConnectionState.Connecting(newMaster));
                startSession();
            }
            case MasterLocation.ZooKeeper zooKeeper -> {
                publish(new ConnectionState.Connecting(newMaster));
                group.start(zooKeeper.url(), report -> enqueue(() -> leaderNamed(report)));
                if (closed.get()) {
                    // close() ran while the watch started and may have missed it.
                    group.stop();
                }
            }
        }
    }

    /** The group named a leader (or none): the session moves there. */
    private void leaderNamed(GroupWatch.Report report) {
        if (!group.isCurrent(report)) {
            return;
        }
        Optional<MasterAddress> named = report.leader();
        if (named.isEmpty()) {
            target = null;
            endSession();
            cancel(retry);
            retry = null;
            publish(new ConnectionState.NoLeader(master));
            return;
        }
        if (named.get().equals(target)) {
            return;
        }
        LOG.log(Level.INFO, "ZooKeeper names {0} as the leading master of {1}", named.get(), master);
        target = named.get();
        endSession();
        cancel(retry);
        retry = null;
        backoff.reset();
        publish(new ConnectionState.Connecting(master));
        startSession();
    }

    private void startSession() {
        Session started = new Session();
        session = started;
        started.operator = streams.open(target, MasterStreams.Endpoint.OPERATOR, credentials, operatorSink(started));
        started.operator.ended().thenAccept(end -> enqueue(() -> ended(started, end, "")));
        started.operatorSilence = watch(started, started.operatorSilence, "the event stream");
    }

    private MasterStreams.Sink operatorSink(Session started) {
        return new MasterStreams.Sink() {
            @Override
            public void opened(MasterAddress answered, Optional<String> streamId) {
                enqueue(() -> started.answered = answered);
            }

            @Override
            public void record(byte[] record) throws MalformedRecordException {
                Event event = decodeEvent(record);
                enqueue(() -> operatorEvent(started, event));
            }
        };
    }

    private MasterStreams.Sink offerSink(Session current) {
        return new MasterStreams.Sink() {
            @Override
            public void opened(MasterAddress answered, Optional<String> streamId) {
                // The operator stream already named the leader.
            }

            @Override
            public void record(byte[] record) throws MalformedRecordException {
                OfferRecord decoded = OfferRecordDecoder.decode(record);
                enqueue(() -> offerRecord(current, decoded));
            }
        };
    }

    private void operatorEvent(Session current, Event event) {
        if (current != session) {
            return;
        }
        current.operatorSilence = watch(current, current.operatorSilence, "the event stream");
        if (current.subscribed) {
            model.apply(event);
            if (model.hasChanges()) {
                scheduleFlush();
            }
        } else if (event.getType() == Event.Type.SUBSCRIBED) {
            subscribed(current, event.getSubscribed());
        } else {
            fail(new StreamEnd.Malformed("the event stream began with " + event.getType()
                    + " instead of SUBSCRIBED"), "");
        }
    }

    private void subscribed(Session current, Event.Subscribed subscribed) {
        current.subscribed = true;
        if (subscribed.getHeartbeatIntervalSeconds() > 0) {
            current.heartbeat = Duration.ofNanos((long) (subscribed.getHeartbeatIntervalSeconds() * 1e9));
            current.operatorSilence = watch(current, current.operatorSilence, "the event stream");
        }
        model.reset(subscribed.getGetState());
        backoff.reset();
        Optional<MasterAddress> previous = Optional.ofNullable(lastLeader).filter(last -> !last.equals(
                current.answered));
        lastLeader = current.answered;
        leader = current.answered;
        flushNow();
        publish(new ConnectionState.Connected(master, current.answered, previous));
        openOffers(current);
    }

    private void openOffers(Session current) {
        current.offers = streams.open(current.answered, MasterStreams.Endpoint.OFFERS, credentials,
                offerSink(current));
        current.offers.ended().thenAccept(end -> enqueue(() -> offersEnded(current, end)));
        current.offersSilence = watch(current, current.offersSilence, "the offer stream");
    }

    private void offerRecord(Session current, OfferRecord record) {
        if (current != session) {
            return;
        }
        current.offersSilence = watch(current, current.offersSilence, "the offer stream");
        model.apply(record);
        if (model.hasChanges()) {
            scheduleFlush();
        }
    }

    private void offersEnded(Session current, StreamEnd end) {
        if (current != session) {
            return;
        }
        if (end instanceof StreamEnd.Refused refused && isNotMeseta(refused.status())) {
            // A Mesos master (or an older Meseta one): followed without offers.
            cancel(current.offersSilence);
            current.offersSilence = null;
            model.offersUnavailable();
            scheduleFlush();
            return;
        }
        ended(current, end, "offer stream: ");
    }

    private static boolean isNotMeseta(int status) {
        return status == 404 || status == 405 || status == 406 || status == 501;
    }

    private void ended(Session current, StreamEnd end, String prefix) {
        if (current == session && !(end instanceof StreamEnd.Cancelled)) {
            fail(end, prefix);
        }
    }

    /** Gives the session up and schedules the next one after a back-off (none when the credentials were refused). */
    private void fail(StreamEnd end, String prefix) {
        endSession();
        String reason = prefix + end.reason();
        if (end instanceof StreamEnd.Refused refused && isAboutCredentials(refused.status())) {
            publish(new ConnectionState.Unauthorized(master, credentials, reason));
            LOG.log(Level.INFO, "Master {0} refused the subscription ({1}); not retrying with the same credentials",
                    master, reason);
            return;
        }
        Duration delay = backoff.nextDelay();
        publish(switch (end) {
            case StreamEnd.Closed closed -> new ConnectionState.Unreachable(master, reason, delay);
            case StreamEnd.Unreachable unreachable -> new ConnectionState.Unreachable(master, reason, delay);
            case StreamEnd.Refused refused -> new ConnectionState.ProtocolError(master, reason, delay);
            case StreamEnd.Malformed malformed -> new ConnectionState.ProtocolError(master, reason, delay);
            case StreamEnd.Cancelled cancelled -> new ConnectionState.ProtocolError(master, reason, delay);
        });
        try {
            retry = thread.schedule(() -> {
                retry = null;
                if (target != null) {
                    startSession();
                }
            }, delay);
        } catch (RejectedExecutionException afterClose) {
            // closed while this failure was handled: no more sessions
        }
        LOG.log(Level.INFO, "Lost the streams of master {0} ({1}); subscribing again in {2} ms", master, reason,
                delay.toMillis());
    }

    private static boolean isAboutCredentials(int status) {
        return status == 401 || status == 403;
    }

    private void endSession() {
        if (session != null) {
            session.close();
            session = null;
        }
        leader = null;
    }

    /** (Re)starts the timer that gives the session up when {@code stream} stays silent too long. */
    private ClientThread.Delayed watch(Session current, ClientThread.Delayed previous, String stream) {
        cancel(previous);
        Duration limit = current.heartbeat.multipliedBy(settings.missedHeartbeats());
        try {
            return thread.schedule(() -> {
                if (current == session) {
                    fail(new StreamEnd.Unreachable(stream + " was silent for " + describe(limit)), "");
                }
            }, limit);
        } catch (RejectedExecutionException afterClose) {
            return null;
        }
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private void scheduleFlush() {
        if (flush == null) {
            try {
                flush = thread.schedule(() -> {
                    flush = null;
                    flushNow();
                }, settings.coalesceInterval());
            } catch (RejectedExecutionException afterClose) {
                // closed: nothing more is reported
            }
        }
    }

    private void flushNow() {
        cancel(flush);
        flush = null;
        if (!model.hasChanges()) {
            return;
        }
        ClusterChange change = model.publish();
        cluster = change.state();
        for (ClusterChangeListener listener : List.copyOf(changeListeners)) {
            tell(listener, change);
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

    private static void tell(ClusterChangeListener listener, ClusterChange change) {
        try {
            listener.clusterChanged(change);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A cluster change listener failed", e);
        }
    }

    private static void cancel(ClientThread.Delayed delayed) {
        if (delayed != null) {
            delayed.cancel();
        }
    }

    private static Event decodeEvent(byte[] json) throws MalformedRecordException {
        try {
            return JsonCodec.decode(json, Event.newBuilder()).build();
        } catch (JsonCodecException | UninitializedMessageException e) {
            throw new MalformedRecordException("malformed event: " + e.getMessage());
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
