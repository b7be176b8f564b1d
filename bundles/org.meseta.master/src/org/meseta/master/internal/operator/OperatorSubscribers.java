package org.meseta.master.internal.operator;

import java.time.Duration;
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
 * stream. Slow and gone subscribers are dropped as {@link EventStreams} says. Confined to the master's actor thread.
 */
public final class OperatorSubscribers {

    static final int HEARTBEAT_SECONDS = 15;
    /** Mesos's fixed operator heartbeat interval. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(HEARTBEAT_SECONDS);

    private static final Event HEARTBEAT = Event.newBuilder().setType(Event.Type.HEARTBEAT).build();

    private final EventStreams streams;

    /** @param max at least 1 */
    public OperatorSubscribers(Actor actor, int max) {
        this.streams = new EventStreams(actor, "operator event stream", max, HEARTBEAT_INTERVAL,
                mediaType -> V1Protocol.record(mediaType, HEARTBEAT));
    }

    /** Whether anyone listens; publishers skip building events nobody reads. */
    public boolean any() {
        return streams.any();
    }

    public int count() {
        return streams.count();
    }

    /**
     * Adds {@code stream} as a subscriber whose events are encoded as {@code mediaType}, and sends it SUBSCRIBED with
     * {@code state}, which must be taken on this thread just now so that no event is missed or seen twice.
     */
    public void subscribe(ResponseStream stream, String mediaType, Response.GetState state) {
        streams.add(stream, mediaType, V1Protocol.record(mediaType, Event.newBuilder().setType(Event.Type.SUBSCRIBED)
                .setSubscribed(Event.Subscribed.newBuilder().setGetState(state)
                        .setHeartbeatIntervalSeconds(HEARTBEAT_SECONDS))
                .build()));
    }

    /** Sends {@code event} to every subscriber, after everything published before it. */
    public void publish(Event event) {
        streams.publish(mediaType -> V1Protocol.record(mediaType, event));
    }

    /** Ends every subscriber's stream, as a master that stops does. */
    public void closeAll() {
        streams.closeAll();
    }
}
