package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.allocation.Weights;

/**
 * Mesos's legacy {@code /weights}: GET answers the weights that were set as a JSON array of {@code WeightInfo}
 * ({@code [{"role":"eng","weight":2.0}]}); PUT takes such an array and sets them as {@code UPDATE_WEIGHTS} does,
 * answering 400 naming the problem (and changing nothing) for a body that is not such an array, an invalid role or
 * a weight that is not positive.
 */
final class WeightsEndpoint {

    private final Master master;

    WeightsEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> get(HttpRequest request) {
        return master.weights().thenApply(weights -> JsonBody.respond(request, generator -> {
            generator.writeStartArray();
            for (WeightInfo info : Weights.infos(weights)) {
                JsonCodec.write(generator, info);
            }
            generator.writeEndArray();
        }));
    }

    CompletionStage<HttpResponse> put(HttpRequest request) {
        List<WeightInfo> infos;
        try {
            infos = parse(request.body());
        } catch (JsonCodecException e) {
            return CompletableFuture.completedFuture(HttpResponse.text(400,
                    "Failed to parse update weights request JSON: " + e.getMessage()));
        }
        Optional<String> problem = Weights.problem(infos);
        if (problem.isPresent()) {
            return CompletableFuture.completedFuture(HttpResponse.text(400,
                    "Failed to validate update weights request: " + problem.get()));
        }
        return master.updateWeights(Weights.of(infos)).thenApply(done -> HttpResponse.empty(200));
    }

    /** A JSON array of {@code WeightInfo} objects, each with its weight. */
    private static List<WeightInfo> parse(byte[] body) throws JsonCodecException {
        List<WeightInfo> infos = new ArrayList<>();
        try (JsonParser parser = JsonCodec.factory().createParser(body)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonCodecException("expected a JSON array of WeightInfo objects");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                WeightInfo.Builder info = JsonCodec.read(parser, WeightInfo.newBuilder());
                if (!info.hasWeight()) {
                    throw new JsonCodecException("a WeightInfo has no 'weight'");
                }
                infos.add(info.build());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new JsonCodecException("expected a JSON array of WeightInfo objects");
            }
        } catch (JsonCodecException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonCodecException(e.getMessage());
        }
        return infos;
    }
}
