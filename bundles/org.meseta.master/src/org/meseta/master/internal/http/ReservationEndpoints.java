package org.meseta.master.internal.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonCodecException;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;
import org.meseta.master.internal.core.ReservationRequest;

/**
 * Mesos's legacy {@code /reserve} and {@code /unreserve}: a {@code POST} whose form body
 * ({@code application/x-www-form-urlencoded}) names the agent ({@code slaveId}) and the {@code resources} as a JSON
 * array of {@code Resource} (and, for {@code /reserve}, optionally the {@code source} reservations to update).
 * They answer as {@code RESERVE_RESOURCES} and {@code UNRESERVE_RESOURCES} do (202, 400, 409), with Mesos's texts
 * for a body they cannot read.
 */
final class ReservationEndpoints {

    private final Master master;

    ReservationEndpoints(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> reserve(HttpRequest request) {
        return handle(request, ReservationRequest.Kind.RESERVE,
                "Error parsing '%s' query parameter in the request body");
    }

    CompletionStage<HttpResponse> unreserve(HttpRequest request) {
        return handle(request, ReservationRequest.Kind.UNRESERVE,
                "Error in parsing '%s' query parameter in the request body");
    }

    /** @param parseError Mesos's prefix for a parameter that is not a JSON array of resources */
    private CompletionStage<HttpResponse> handle(HttpRequest request, ReservationRequest.Kind kind,
            String parseError) {
        Map<String, List<String>> form;
        try {
            form = HttpRequest.of("POST", "/?" + new String(request.body(), StandardCharsets.UTF_8), HttpHeaders.of(),
                    new byte[0]).query();
        } catch (IllegalArgumentException e) {
            return answer(HttpResponse.text(400, "Unable to decode query string: " + e.getMessage()));
        }
        Optional<String> agent = first(form, "slaveId");
        if (agent.isEmpty()) {
            return answer(HttpResponse.text(400, "Missing 'slaveId' query parameter in the request body"));
        }
        List<Resource> resources;
        List<Resource> source = List.of();
        try {
            resources = resources(form, "resources", parseError);
            if (kind == ReservationRequest.Kind.RESERVE && form.containsKey("source")) {
                source = resources(form, "source", parseError);
            }
        } catch (BadParameter e) {
            return answer(HttpResponse.text(400, e.getMessage()));
        }
        return master.reservation(new ReservationRequest(kind, AgentID.newBuilder().setValue(agent.get()).build(),
                resources, source)).thenApply(outcome -> outcome
                        .map(refusal -> HttpResponse.text(refusal.status(), refusal.reason()))
                        .orElseGet(() -> HttpResponse.empty(202)));
    }

    private static List<Resource> resources(Map<String, List<String>> form, String name, String parseError)
            throws BadParameter {
        Optional<String> value = first(form, name);
        if (value.isEmpty()) {
            throw new BadParameter("Missing '" + name + "' query parameter in the request body");
        }
        try {
            return parseArray(value.get());
        } catch (JsonCodecException e) {
            throw new BadParameter(String.format(parseError, name) + ": " + e.getMessage());
        }
    }

    private static List<Resource> parseArray(String json) throws JsonCodecException {
        List<Resource> resources = new ArrayList<>();
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new JsonCodecException("expected a JSON array of Resource objects");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                resources.add(JsonCodec.read(parser, Resource.newBuilder()).build());
            }
            if (parser.currentToken() != JsonToken.END_ARRAY || parser.nextToken() != null) {
                throw new JsonCodecException("expected a JSON array of Resource objects");
            }
        } catch (JsonCodecException e) {
            throw e;
        } catch (IOException e) {
            throw new JsonCodecException(e.getMessage());
        }
        return resources;
    }

    private static Optional<String> first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static CompletionStage<HttpResponse> answer(HttpResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    /** A form parameter that is missing or unreadable; the message is the 400's text. */
    private static final class BadParameter extends Exception {
        private static final long serialVersionUID = 1L;

        BadParameter(String message) {
            super(message);
        }
    }
}
