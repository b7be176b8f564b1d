package org.meseta.agent.internal.tasks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.executor.Protos.Event;
import org.meseta.daemon.Actor;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.ResponseStream;

/**
 * The event stream of a subscribed HTTP executor: each event encoded as the executor asked (JSON or protobuf) and
 * sent as one RecordIO record in one chunk, with a {@code HEARTBEAT} every heartbeat interval. Events sent after the
 * stream ended are dropped. Used on the agent's actor thread.
 */
public final class ExecutorConnection {

    private final ResponseStream stream;
    private final String mediaType;
    private Actor.Timer heartbeat = () -> {};

    /** @param mediaType {@link V1Protocol#JSON} or {@link V1Protocol#PROTOBUF} */
    public ExecutorConnection(ResponseStream stream, String mediaType) {
        this.stream = stream;
        this.mediaType = mediaType;
    }

    void send(Event event) {
        if (stream.isOpen()) {
            stream.write(V1Protocol.record(mediaType, event));
        }
    }

    /** Starts the heartbeats; they stop when the stream ends. */
    void startHeartbeats(Actor actor, Duration interval) {
        heartbeat = actor.schedule(interval, () -> {
            if (stream.isOpen()) {
                send(ExecutorEvents.heartbeat());
                startHeartbeats(actor, interval);
            }
        });
    }

    /** Completes once the stream ended, from either side. */
    CompletableFuture<Void> closed() {
        return stream.closeFuture();
    }

    void close() {
        heartbeat.cancel();
        stream.close();
    }
}
