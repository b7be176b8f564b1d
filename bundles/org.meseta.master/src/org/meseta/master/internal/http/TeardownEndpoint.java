package org.meseta.master.internal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.master.internal.Master;

/**
 * Mesos's legacy {@code /teardown}: POST with the form body {@code frameworkId=<id>} tears the framework down as the
 * operator TEARDOWN does, answering 200, or 400 with Mesos's text for a body that does not decode, a missing
 * {@code frameworkId} or an unknown framework.
 */
final class TeardownEndpoint {

    private final Master master;

    TeardownEndpoint(Master master) {
        this.master = master;
    }

    CompletionStage<HttpResponse> post(HttpRequest request) {
        Map<String, String> form;
        try {
            form = decodeForm(new String(request.body(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Unable to decode query string: "
                    + e.getMessage()));
        }
        String id = form.get("frameworkId");
        if (id == null) {
            return CompletableFuture.completedFuture(HttpResponse.text(400,
                    "Missing 'frameworkId' query parameter in the request body"));
        }
        return master.teardown(FrameworkID.newBuilder().setValue(id).build()).thenApply(refusal -> refusal
                .map(found -> HttpResponse.text(found.status(), found.reason()))
                .orElseGet(() -> HttpResponse.empty(200)));
    }

    /** An {@code application/x-www-form-urlencoded} body; the first value of a repeated name wins. */
    private static Map<String, String> decodeForm(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            form.putIfAbsent(name, value);
        }
        return form;
    }
}
