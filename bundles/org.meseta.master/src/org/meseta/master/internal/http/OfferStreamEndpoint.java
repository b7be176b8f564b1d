package org.meseta.master.internal.http;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.meseta.daemon.V1Protocol;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.MediaTypes;
import org.meseta.master.internal.Master;

/**
 * {@code GET /api/v1/meseta/offers}: Meseta's offer stream (see
 * {@link org.meseta.master.internal.operator.OfferStream}), JSON only: 406 when {@code Accept} does not allow
 * {@code application/json}.
 */
final class OfferStreamEndpoint {

    static final String PATH = "/api/v1/meseta/offers";

    private final Master master;

    OfferStreamEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> subscribe(HttpRequest request) {
        if (MediaTypes.negotiate(request.header("Accept"), List.of(V1Protocol.JSON)).isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.text(406, "Expecting 'Accept' to allow '"
                    + V1Protocol.JSON + "': the offer stream is JSON only"));
        }
        return CompletableFuture.completedFuture(HttpResponse.stream(V1Protocol.JSON,
                stream -> master.subscribeOffers(stream).whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        stream.close();
                    }
                })));
    }
}
