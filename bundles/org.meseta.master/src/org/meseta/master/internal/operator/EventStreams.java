package org.meseta.master.internal.operator;

import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.meseta.daemon.Actor;
import org.meseta.http.ResponseStream;

/**
 * Subscribers of one of the master's event streams: each gets a first record, then every record published after
 * it, in publication order, and a heartbeat record every heartbeat interval, the first one an interval after the
 * first record. At most {@code max} are kept: a new subscriber beyond that closes the oldest one's stream.
 *
 * <p>Records are RecordIO-framed events, each written as one chunk. Writes never block: a subscriber that goes away,
 * or that reads too slowly for the HTTP server's stream backlog limit, has its stream closed by the server and is
 * dropped here. A published event is encoded once per media type and the bytes are shared between the subscribers
 * that use it. Confined to the master's actor thread.
 */
final class EventStreams {

    private static final System.Logger LOG = System.getLogger(EventStreams.class.getName());

    private final Actor actor;
    private final String name;
    private final int max;
    private final Duration heartbeatInterval;
    private final Function<String, byte[]> heartbeat;
    /** Oldest first, so the first one is closed when the limit is reached. */
    private final Map<ResponseStream, Subscriber> subscribers = new LinkedHashMap<>();

    /**
     * @param name what the stream is, for the log
     * @param max at least 1
     * @param heartbeat the heartbeat record in a media type
     */
    EventStreams(Actor actor, String name, int max, Duration heartbeatInterval, Function<String, byte[]> heartbeat) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, got " + max);
        }
        this.actor = actor;
        this.name = name;
        this.max = max;
        this.heartbeatInterval = heartbeatInterval;
        this.heartbeat = heartbeat;
    }

    boolean any() {
        return !subscribers.isEmpty();
    }

    int count() {
        return subscribers.size();
    }

    /** Adds {@code stream}, whose records are in {@code mediaType}, and sends it {@code first}. */
    void add(ResponseStream stream, String mediaType, byte[] first) {
        if (subscribers.size() >= max) {
            Iterator<Subscriber> oldest = subscribers.values().iterator();
            Subscriber evicted = oldest.next();
            oldest.remove();
            LOG.log(System.Logger.Level.INFO, "Reached the maximum number of {0} subscribers ({1}); closing the"
                    + " oldest subscription", name, max);
            evicted.close();
        }
        Subscriber subscriber = new Subscriber(stream, mediaType);
        subscribers.put(stream, subscriber);
        stream.closeFuture().whenComplete((ignored, failure) -> actor.run(() -> dropped(stream)));
        subscriber.send(first);
        scheduleHeartbeat(subscriber);
        LOG.log(System.Logger.Level.INFO, "Added a {0} subscriber ({1} now)", name, subscribers.size());
    }

    /** Sends the record {@code encode} makes for each subscriber's media type, after everything published before. */
    void publish(Function<String, byte[]> encode) {
        Map<String, byte[]> encoded = new HashMap<>(2);
        for (Subscriber subscriber : subscribers.values()) {
            subscriber.send(encoded.computeIfAbsent(subscriber.mediaType, encode));
        }
    }

    /** Ends every subscriber's stream, as a master that stops does. */
    void closeAll() {
        subscribers.values().forEach(Subscriber::close);
        subscribers.clear();
    }

    private void scheduleHeartbeat(Subscriber subscriber) {
        subscriber.heartbeat = actor.schedule(heartbeatInterval, () -> {
            if (subscribers.get(subscriber.stream) == subscriber) {
                subscriber.send(heartbeat.apply(subscriber.mediaType));
                scheduleHeartbeat(subscriber);
            }
        });
    }

    private void dropped(ResponseStream stream) {
        Subscriber subscriber = subscribers.remove(stream);
        if (subscriber != null) {
            subscriber.close();
            LOG.log(System.Logger.Level.INFO, "Removed a {0} subscriber ({1} left)", name, subscribers.size());
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
