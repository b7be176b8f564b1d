package org.meseta.master.internal.operator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.mesos.v1.master.Protos.Event;
import org.apache.mesos.v1.master.Protos.Response;
import org.meseta.daemon.Actor;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.ResponseStream;

/**
 * The subscribers of the master's operator event stream ({@code SUBSCRIBE} on {@code /api/v1}), as Mesos keeps them:
 * each gets SUBSCRIBED with the state it starts from, then every event in the order the master publishes it, and a
 * HEARTBEAT every {@value #HEARTBEAT_SECONDS} seconds, the first one an interval after SUBSCRIBED. At most
 * {@code --max_operator_event_stream_subscribers} are kept: a new subscriber beyond that closes the oldest one's
 * stream.
 *
 * <p>Writes never block: a subscriber that goes away, or that reads too slowly for the HTTP server's stream backlog
 * limit, has its stream closed by the server and is dropped here. Each event is encoded once per media type and
 * the bytes are shared between the subscribers that use it. Confined to the master's actor thread.
 */
public final class OperatorSubscribers {

    private static final System.Logger LOG = System.getLogger(OperatorSubscribers.class.getName());

    static final int HEARTBEAT_SECONDS = 15;
    /** Mesos's fixed operator heartbeat interval. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(HEARTBEAT_SECONDS);

    private static final Event HEARTBEAT = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();

    private final Actor actor;
    private final int max;
    /** Oldest first, so the first one is closed when the limit is reached. */
    private final Map<ResponseStream, Subscriber> subscribers = new LinkedHashMap<>();

    /** @param max at least 1 */
    public OperatorSubscribers(Actor actor, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.actor = actor;
        this.max = max;
    }

    /** Whether anyone listens; publishers skip building events nobody reads. */
    public boolean any() {
        return !subscribers.isEmpty();
    }

    public int count() {
        return subscribers.size();
    }

    /**
     * Adds {@code stream} as a subscriber whose events are encoded as {@code mediaType}, and sends it SUBSCRIBED with
     * {@code state}, which must be taken on this thread just now so that no event is missed or seen twice.
     */
    public void subscribe(ResponseStream stream, String mediaType, Response.GetState state) {
        if (subscribers.size() >= max) {
            Iterator<Subscriber> oldest = subscribers.values().iterator();
            Subscriber evicted = oldest.next();
            oldest.remove();
            LOG.log(System.Logger.Level.INFO, "Reached the maximum number of operator event stream subscribers ({0});"
                    + " closing the oldest subscription", max);
            evicted.close();
        }
        Subscriber subscriber = new Subscriber(stream, mediaType);
        subscribers.put(stream, subscriber);
        stream.closeFuture().whenComplete((ignored, failure) -> actor.run(() -> dropped(stream)));
        subscriber.send(V1Protocol.record(mediaType, Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder().setGetState(state)
                        .setHeartbeatIntervalSeconds(HEARTBEAT_SECONDS))
                .build()));
        scheduleHeartbeat(subscriber);
        LOG.log(System.Logger.Level.INFO, "Added an operator event stream subscriber ({0} now)",
                subscribers.size());
    }

    /** Sends {@code event} to every subscriber, after everything published before it. */
    public void publish(Event event) {
        Map<String, byte[]> encoded = new HashMap<>(2);
        for (Subscriber subscriber : subscribers.values()) {
            subscriber.send(encoded.computeIfAbsent(subscriber.mediaType, type -> V1Protocol.record(type, event)));
        }
    }

    /** Ends every subscriber's stream, as a master that stops does. */
    public void closeAll() {
        subscribers.values().forEach(Subscriber::close);
        subscribers.clear();
    }

    private void scheduleHeartbeat(Subscriber subscriber) {
        subscriber.heartbeat = actor.schedule(HEARTBEAT_INTERVAL, () -> {
            if (subscribers.get(subscriber.stream) == subscriber) {
                subscriber.send(V1Protocol.record(subscriber.mediaType, HEARTBEAT));
                scheduleHeartbeat(subscriber);
            }
        });
    }

    private void dropped(ResponseStream stream) {
        Subscriber subscriber = subscribers.remove(stream);
        if (subscriber != null) {
            subscriber.close();
            LOG.log(System.Logger.Level.INFO, "Removed an operator event stream subscriber ({0} left)",
                    subscribers.size());
        }
    }

    private static final class Subscriber {
        final ResponseStream stream;
        final String mediaType;
        Actor.Timer heartbeat = () -> {};

        Subscriber(ResponseStream stream, String mediaType) {
            this.stream = stream;
            this.mediaType = mediaType;
        }

        /** One RecordIO record in one chunk; dropped if the stream has ended (its close is handled then). */
        void send(byte[] record) {
            stream.write(record);
        }

        void close() {
            heartbeat.cancel();
            stream.close();
        }
    }
}
