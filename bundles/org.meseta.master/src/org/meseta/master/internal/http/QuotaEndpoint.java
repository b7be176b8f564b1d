package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.quota.Protos.QuotaRequest;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.allocation.QuotaConfigs;
import org.meseta.master.internal.core.Refusal;

/**
 * Mesos's deprecated {@code /quota}: GET answers the {@code QuotaStatus} JSON ({@code {"infos":[...],
 * "configs":[...]}}); POST takes a {@code QuotaRequest} JSON ({@code {"role":"eng","guarantee":[...],
 * "force":false}}) and sets it as {@code SET_QUOTA} does; {@code DELETE /quota/<role>} removes a role's quota. Errors
 * answer Mesos's status (400, or 409 for guarantees beyond the cluster's capacity) and text.
 */
final class QuotaEndpoint {

    private static final String MASTER_PREFIX = "/master";
    private static final String QUOTA_PATH = "/quota/";

    private final Master master;

    QuotaEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> get(HttpRequest request) {
        return master.quotas().thenApply(quotas -> JsonBody.respond(request,
                generator -> JsonCodec.write(generator, QuotaConfigs.status(quotas))));
    }

    CompletionStage<HttpResponse> post(HttpRequest request) {
        String body = new String(request.body(), StandardCharsets.UTF_8);
        Optional<String> malformed = notAnObject(request.body());
        if (malformed.isPresent()) {
            return answer(Refusal.refuse(400, "Failed to parse set quota request JSON '" + body + "': "
                    + malformed.get()));
        }
        QuotaRequest quotaRequest;
        try {
            quotaRequest = JsonCodec.decode(request.body(), QuotaRequest.newBuilder()).build();
        } catch (JsonCodecException e) {
            return answer(Refusal.refuse(400, "Failed to validate set quota request JSON '" + body + "': "
                    + e.getMessage()));
        }
        return master.setQuota(quotaRequest).thenApply(QuotaEndpoint::response);
    }

    /** {@code DELETE /quota/<role>} (also under {@code /master}); the role may itself contain {@code /}. */
    CompletionStage<HttpResponse> delete(HttpRequest request) {
        // Mesos sees the path as /master/quota/<role> however it was called, and names it so in its texts.
        String path = request.path().startsWith(MASTER_PREFIX + "/") ? request.path()
                : MASTER_PREFIX + request.path();
        String role = path.length() > MASTER_PREFIX.length() + QUOTA_PATH.length()
                ? path.substring(MASTER_PREFIX.length() + QUOTA_PATH.length()) : "";
        if (role.isEmpty()) {
            return answer(Refusal.refuse(400, "Failed to parse remove quota request for path '" + path
                    + "': expected 3 tokens, found 2 tokens"));
        }
        return master.removeQuota(role, Optional.of(path)).thenApply(QuotaEndpoint::response);
    }

    private static CompletionStage<HttpResponse> answer(Optional<Refusal> outcome) {
        return CompletableFuture.completedFuture(response(outcome));
    }

    private static HttpResponse response(Optional<Refusal> outcome) {
        return outcome.map(refusal -> HttpResponse.text(refusal.status(), refusal.reason()))
                .orElseGet(() -> HttpResponse.empty(200));
    }

    /** Why {@code body} is not one well-formed JSON object, or empty. */
    private static Optional<String> notAnObject(byte[] body) {
        try (JsonParser parser = JsonCodec.factory().createParser(body)) {
            try {
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    return Optional.of("Expecting a JSON object");
                }
                parser.skipChildren();
                return parser.nextToken() == null ? Optional.empty()
                        : Optional.of("Expecting a single JSON object");
            } catch (IOException e) {
                return Optional.of(JsonCodec.malformed(e, parser).getMessage());
            }
        } catch (IOException e) {
            // Creating or closing a parser over bytes does no I/O.
            return Optional.of("Malformed JSON: unreadable input");
        }
    }
}
