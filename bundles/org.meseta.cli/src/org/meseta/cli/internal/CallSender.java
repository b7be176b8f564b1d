package org.meseta.cli.internal;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpResponse;

/**
 * Sends the calls of one subscription to the master, one at a time and in order, each with the stream's
 * {@code Mesos-Stream-Id}: an acknowledgement then reaches the master before the teardown that follows it.
 *
 * <p>Owned by the session's actor: {@link #send} and {@link #whenIdle} are called on it, and answers are handled on
 * it. A call the master refuses (not 2xx) or cannot be delivered is reported to {@code onFailure} with a one-line
 * reason; the calls after it are still sent.
 */
final class CallSender {

    /** Told of a call that failed. */
    @FunctionalInterface
    interface Failure {

        /**
         * @param delivered whether the master got the call (and refused it), rather than the call not reaching it
         */
        void failed(Call.Type type, String reason, boolean delivered);
    }

    private final HttpClient client;
    private final URI endpoint;
    private final ContentType contentType;
    private final HttpHeaders headers;
    private final Actor actor;
    private final Failure onFailure;
    private final Deque<Call> queue = new ArrayDeque<>();
    private final List<Runnable> idleActions = new ArrayList<>();
    private boolean inFlight;

    CallSender(HttpClient client, URI endpoint, ContentType contentType, String streamId, Actor actor,
            Failure onFailure) {
        this.client = client;
        this.endpoint = endpoint;
        this.contentType = contentType;
        this.headers = HttpHeaders.of("Content-Type", contentType.mediaType(), "Accept", contentType.mediaType(),
                "Mesos-Stream-Id", streamId);
        this.actor = actor;
        this.onFailure = onFailure;
    }

    void send(Call call) {
        queue.add(call);
        pump();
    }

    /** Runs {@code action} on the actor once no call is queued or in flight (at once if none is). */
    void whenIdle(Runnable action) {
        idleActions.add(action);
        pump();
    }

    private void pump() {
        if (inFlight) {
            return;
        }
        Call call = queue.poll();
        if (call == null) {
            List<Runnable> actions = List.copyOf(idleActions);
            idleActions.clear();
            actions.forEach(Runnable::run);
            return;
        }
        inFlight = true;
        client.send("POST", endpoint, headers, contentType.encode(call)).whenComplete((response, failure) ->
                actor.run(() -> answered(call.getType(), response, failure)));
    }

    private void answered(Call.Type type, HttpResponse.FullResponse response, Throwable failure) {
        inFlight = false;
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            onFailure.failed(type, "could not send the " + type + " call: " + cause.getMessage(), false);
        } else if (response.status() < 200 || response.status() >= 300) {
            onFailure.failed(type, "the master refused the " + type + " call: " + response.status() + " "
                    + EventStream.oneLine(response.bodyText()), true);
        }
        pump();
    }
}
