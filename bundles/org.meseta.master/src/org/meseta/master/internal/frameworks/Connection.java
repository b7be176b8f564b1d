package org.meseta.master.internal.frameworks;

import java.util.Objects;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.daemon.Actor;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.ResponseStream;

/**
 * A framework's subscription: the event stream of its last SUBSCRIBE, the {@code Mesos-Stream-Id} that every other
 * call must carry, and the media type its events are encoded in. Confined to the master's actor thread.
 */
public final class Connection {

    private final ResponseStream stream;
    private final String streamId;
    private final String mediaType;
    private Actor.Timer heartbeat = () -> {};

    /** @param mediaType {@code application/json} or {@code application/x-protobuf} */
    public Connection(ResponseStream stream, String streamId, String mediaType) {
        this.stream = Objects.requireNonNull(stream, "stream");
        this.streamId = Objects.requireNonNull(streamId, "streamId");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
    }

    public ResponseStream stream() {
        return stream;
    }

    public String streamId() {
        return streamId;
    }

    /** Sends one event as one RecordIO record in one HTTP chunk; an event for a closed stream is dropped. */
    public void send(Event event) {
        stream.write(V1Protocol.record(mediaType, event));
    }

    /** Replaces the pending heartbeat timer. */
    public void heartbeat(Actor.Timer next) {
        heartbeat.cancel();
        heartbeat = next;
    }

    /** Stops heartbeats and ends the stream. Idempotent. */
    public void close() {
        heartbeat.cancel();
        stream.close();
    }
}
