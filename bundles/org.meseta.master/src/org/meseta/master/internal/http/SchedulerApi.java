package org.meseta.master.internal.http;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.core.SchedulerReply;
import org.meseta.master.internal.validation.CallValidation;

/**
 * The v1 scheduler API, {@code POST /api/v1/scheduler}: decodes and validates each call as Mesos does (the order of
 * the checks decides which error a client sees), then hands it to the master. SUBSCRIBE answers with a chunked
 * RecordIO stream of events and a fresh {@code Mesos-Stream-Id}; the other calls answer 202 (UPDATE_FRAMEWORK 200)
 * or an error status with the reason as text.
 */
final class SchedulerApi {

    static final String STREAM_ID = "Mesos-Stream-Id";

    private final Master master;

    SchedulerApi(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> handle(HttpRequest request) {
        return switch (V1Protocol.<Call>decode(request, Call.newBuilder())) {
            case V1Protocol.Decoded.Rejected<Call> rejected -> done(rejected.response());
            case V1Protocol.Decoded.Call<Call> decoded -> handle(request, decoded.message());
        };
    }

    private CompletionStage<HttpResponse> handle(HttpRequest request, Call call) {
        Optional<String> problem = CallValidation.problem(call);
        if (problem.isPresent()) {
            return done(HttpResponse.text(400, "Failed to validate scheduler::Call: " + problem.get()));
        }
        if (call.getType() == Call.Type.SUBSCRIBE || call.getType() == Call.Type.RECONCILE_OPERATIONS) {
            Optional<String> mediaType = V1Protocol.responseType(request);
            if (mediaType.isEmpty()) {
                return done(V1Protocol.notAcceptable());
            }
            if (call.getType() == Call.Type.SUBSCRIBE) {
                return done(subscribe(request, call, mediaType.get()));
            }
        }
        return master.schedulerCall(call, request.header(STREAM_ID)).thenApply(SchedulerApi::toResponse);
    }

    private HttpResponse subscribe(HttpRequest request, Call call, String mediaType) {
        if (request.header(STREAM_ID).isPresent()) {
            return HttpResponse.text(400, "Subscribe calls should not include the '" + STREAM_ID + "' header");
        }
        String streamId = UUID.randomUUID().toString();
        return HttpResponse.stream(200, mediaType, HttpHeaders.of(STREAM_ID, streamId),
                stream -> master.subscribe(call.getSubscribe(), stream, streamId, mediaType)
                        .whenComplete((ignored, failure) -> {
                            if (failure != null) {
                                stream.close();
                            }
                        }));
    }

    private static HttpResponse toResponse(SchedulerReply reply) {
        return reply.reason().isEmpty() ? HttpResponse.empty(reply.status())
                : HttpResponse.text(reply.status(), reply.reason());
    }

    private static CompletionStage<HttpResponse> done(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }
}
