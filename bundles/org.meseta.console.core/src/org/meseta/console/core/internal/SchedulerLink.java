package org.meseta.console.core.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.calls.CallResult;

import com.google.protobuf.UninitializedMessageException;

/**
 * One subscription of the console's framework: the event stream {@code SUBSCRIBE} opened on a master (redirects to
 * the leader followed), and the framework's calls to that master, sent one at a time in order with the stream's
 * {@code Mesos-Stream-Id}, so that a REVIVE never overtakes the UPDATE_FRAMEWORK that adds its role.
 *
 * <p>Owned by the framework's thread: methods are called there and the listener is told there. The stream is given up
 * when it stays silent for {@value #MISSED_HEARTBEATS} heartbeat intervals. After the link ended (told once) or was
 * closed, nothing more is told and calls are dropped.
 */
final class SchedulerLink {

    static final int MISSED_HEARTBEATS = 5;
    /** Mesos's scheduler heartbeat interval, assumed until SUBSCRIBED says otherwise. */
    private static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    /** Told on the framework's thread. */
    interface Listener {
        /** An event of {@code link}'s stream, in stream order (the first is SUBSCRIBED, or an ERROR). */
        void event(SchedulerLink link, Event event);

        /** {@code link}'s stream ended, broke or went silent; {@code reason} is one phrase for the administrator. */
        void ended(SchedulerLink link, String reason);
    }

    /** A call waiting to be sent, and whom to tell when it fails. */
    private record Queued(Call call, Consumer<String> onFailure) {
    }

    private final ActorThread thread;
    private final HttpCallClient calls;
    private final Optional<Credentials> credentials;
    private final Listener listener;
    private final Deque<Queued> queue = new ArrayDeque<>();
    private MasterStreams.Stream stream;
    private MasterAddress master;
    private String streamId;
    private boolean inFlight;
    private boolean over;
    private Duration heartbeat = DEFAULT_HEARTBEAT;
    private ClientThread.Delayed silence = () -> { };

    private SchedulerLink(ActorThread thread, HttpCallClient calls, Optional<Credentials> credentials,
            Listener listener) {
        this.thread = thread;
        this.calls = calls;
        this.credentials = credentials;
        this.listener = listener;
    }

    /** Subscribes with {@code master} by {@code subscribe}; the listener hears the outcome. Framework thread only. */
    static SchedulerLink open(MasterStreams streams, HttpCallClient calls, ActorThread thread, MasterAddress master,
            Optional<Credentials> credentials, Call subscribe, Listener listener) {
        SchedulerLink link = new SchedulerLink(thread, calls, credentials, listener);
        link.master = master;
        link.stream = streams.open(master, MasterStreams.Endpoint.scheduler(JsonCodec.encodeToString(subscribe)),
                credentials, link.new Sink());
        link.stream.ended().thenAccept(end -> thread.run(() -> link.end(end.reason())));
        link.watch();
        return link;
    }

    /** The master the stream is open on (the leader, once a redirect was followed). */
    MasterAddress master() {
        return master;
    }

    /**
     * Sends {@code call} after those sent before; {@code onFailure} hears why, when the master refused it or did not
     * answer. Dropped once the link is over.
     */
    void send(Call call, Consumer<String> onFailure) {
        if (!over) {
            queue.add(new Queued(call, onFailure));
            pump();
        }
    }

    /** Closes the stream without telling the listener; the master then counts the framework's failover timeout. */
    void close() {
        over = true;
        silence.cancel();
        queue.clear();
        stream.cancel();
    }

    private void pump() {
        if (inFlight || over || queue.isEmpty() || streamId == null) {
            return;
        }
        Queued next = queue.poll();
        inFlight = true;
        calls.scheduler(master, next.call(), streamId, credentials).result().thenAccept(result -> thread.run(() -> {
            inFlight = false;
            if (!over && !result.isSuccess()) {
                next.onFailure().accept(result instanceof CallResult.Refused<String> refused ? refused.describe()
                        : "no answer (" + result.describe() + ")");
            }
            pump();
        }));
    }

    private void received(Event event) {
        if (over) {
            return;
        }
        if (event.getType() == Event.Type.SUBSCRIBED && event.getSubscribed().getHeartbeatIntervalSeconds() > 0) {
            heartbeat = Duration.ofMillis(Math.round(event.getSubscribed().getHeartbeatIntervalSeconds() * 1000));
        }
        watch();
        listener.event(this, event);
    }

    private void end(String reason) {
        if (!over) {
            close();
            listener.ended(this, reason);
        }
    }

    /** (Re)starts the watch: every event, a heartbeat included, shows the master is still there. */
    private void watch() {
        silence.cancel();
        Duration limit = heartbeat.multipliedBy(MISSED_HEARTBEATS);
        silence = thread.after(limit, () -> end("no event from " + master + " for " + limit.toSeconds()
                + " s, not even a heartbeat"));
    }

    /** The stream's records, decoded on the HTTP client's threads and handed to the framework's thread. */
    private final class Sink implements MasterStreams.Sink {
        @Override
        public void opened(MasterAddress leader, Optional<String> id) {
            thread.run(() -> {
                master = leader;
                streamId = id.orElse(null);
                if (streamId == null) {
                    end(leader + " opened the framework's stream without a Mesos-Stream-Id");
                }
                pump();
            });
        }

        @Override
        public void record(byte[] record) throws MalformedRecordException {
            Event event;
            try {
                event = JsonCodec.decode(record, Event.newBuilder()).build();
            } catch (JsonCodecException | UninitializedMessageException e) {
                throw new MalformedRecordException("malformed scheduler event: " + e.getMessage());
            }
            thread.run(() -> received(event));
        }
    }
}
