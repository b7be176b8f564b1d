package org.meseta.daemon;

import com.google.protobuf.Message;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.mesos.v1.Protos.Flag;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.meseta.daemon.files.FileCalls;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;

/**
 * What the master's and the agent's v1 operator APIs ({@code POST /api/v1}) share: the request cycle (decode the
 * call as {@link V1Protocol} says, refuse a call without a type with 400 and an unacceptable answer with 406 before
 * acting, answer 501 naming a call the daemon does not implement, open an event stream in the negotiated media type) and the pieces of answers both build. Their
 * {@code Call} and {@code Response} messages are distinct types, so each daemon dispatches and wraps its own.
 * Stateless and thread-safe.
 */
public final class OperatorCalls {

    private OperatorCalls() {}

    /** What a daemon's dispatch answers for one call. */
    public sealed interface Reply {
        /** 200 with this {@code Response}. */
        record Answer(Message response) implements Reply {}

        /** The call is refused with this status and reason, e.g. 404 for an unknown file. */
        record Refused(int status, String reason) implements Reply {}

        /** 200 with an empty body: how Mesos answers a call that changed something and has nothing to report. */
        record Done() implements Reply {}

        /** 202 with an empty body: the call was taken and its effect follows (Mesos's reserve and unreserve). */
        record Accepted() implements Reply {}

        /** The daemon does not implement this call: 501 naming it. */
        record Unsupported() implements Reply {}

        /**
         * The call answers with a stream of events (the master's {@code SUBSCRIBE}): {@code open} builds the
         * streamed response for the negotiated media type ({@link V1Protocol#JSON} or {@link V1Protocol#PROTOBUF}).
         */
        record Streamed(Function<String, HttpResponse> open) implements Reply {}
    }

    /**
     * Serves one {@code POST /api/v1} request.
     *
     * @param callBuilder a builder of the daemon's {@code Call}
     * @param typeName the call's type name, empty when the call has none (an unknown name decodes to none)
     * @param daemon {@code "master"} or {@code "agent"}, for the 501 reason
     * @param dispatch answers a call with a type; runs on the event loop, so it may not block
     */
    public static <C extends Message> CompletionStage<HttpResponse> handle(HttpRequest request,
            Message.Builder callBuilder, Function<C, Optional<String>> typeName, String daemon,
            Function<C, CompletionStage<Reply>> dispatch) {
        Optional<String> responseType = V1Protocol.responseType(request);
        return switch (V1Protocol.<C>decode(request, callBuilder)) {
            case V1Protocol.Decoded.Rejected<C> rejected -> CompletableFuture.completedFuture(rejected.response());
            case V1Protocol.Decoded.Call<C> call when typeName.apply(call.message()).isEmpty() ->
                    // As Mesos, which rejects an absent and an unknown type alike as invalid.
                    CompletableFuture.completedFuture(HttpResponse.text(400, "Expecting 'type' to be present"));
            case V1Protocol.Decoded.Call<C> call when responseType.isEmpty() ->
                    CompletableFuture.completedFuture(V1Protocol.notAcceptable());
            case V1Protocol.Decoded.Call<C> call -> dispatch.apply(call.message()).thenApply(reply -> switch (reply) {
                case Reply.Answer answer -> V1Protocol.respond(responseType.get(), answer.response());
                case Reply.Refused refused -> HttpResponse.text(refused.status(), refused.reason());
                case Reply.Done done -> HttpResponse.empty(200);
                case Reply.Accepted accepted -> HttpResponse.empty(202);
                case Reply.Unsupported unsupported -> HttpResponse.text(501, "Call type "
                        + typeName.apply(call.message()).orElseThrow() + " is not supported by this Meseta "
                        + daemon + " yet");
                case Reply.Streamed streamed -> streamed.open().apply(responseType.get());
            });
        };
    }

    /** An answer that is ready now. */
    public static CompletionStage<Reply> answer(Message response) {
        return CompletableFuture.completedFuture(new Reply.Answer(response));
    }

    public static CompletionStage<Reply> unsupported() {
        return CompletableFuture.completedFuture(new Reply.Unsupported());
    }

    /**
     * The answer of a {@code LIST_FILES} or {@code READ_FILE} (see {@link FileCalls}), {@code wrap} building the
     * daemon's {@code Response} from the value.
     */
    public static <T> CompletionStage<Reply> files(CompletionStage<FileCalls.Result<T>> result,
            Function<T, Message> wrap) {
        return result.thenApply(outcome -> switch (outcome) {
            case FileCalls.Result.Done<T> done -> new Reply.Answer(wrap.apply(done.value()));
            case FileCalls.Result.Refused<T> refused -> new Reply.Refused(refused.status(), refused.reason());
        });
    }

    /** {@code GET_FLAGS}' list: every flag's effective value. */
    public static List<Flag> flags(SortedMap<String, String> flags) {
        return flags.entrySet().stream()
                .map((Map.Entry<String, String> flag) -> Flag.newBuilder().setName(flag.getKey())
                        .setValue(flag.getValue()).build())
                .toList();
    }

    /** An instant as Mesos's {@code TimeInfo}, nanoseconds since the epoch. */
    public static TimeInfo time(Instant instant) {
        return TimeInfo.newBuilder()
                .setNanoseconds(instant.getEpochSecond() * 1_000_000_000L + instant.getNano()).build();
    }

    /**
     * {@code GET_LOGGING_LEVEL}'s level: Mesos reports glog's verbosity ({@code --v}), 0 unless raised; Meseta logs
     * at that base level and has no verbose levels.
     */
    public static int loggingLevel() {
        return 0;
    }
}
