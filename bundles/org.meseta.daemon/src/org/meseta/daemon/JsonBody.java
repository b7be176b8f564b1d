package org.meseta.daemon;

import java.time.Instant;
import org.meseta.api.json.JsonCodec;
import org.meseta.api.json.JsonValueWriter;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.Jsonp;
import org.meseta.http.MediaTypes;

/** Hand-built JSON documents for the legacy endpoints, with JSONP as the Mesos web UI expects. */
public final class JsonBody {

    private JsonBody() {}

    /** A 200 JSON response, or {@code callback(json)} when the request carries {@code ?jsonp=callback}. */
    public static HttpResponse respond(HttpRequest request, JsonValueWriter body) {
        return Jsonp.apply(request, HttpResponse.ok(MediaTypes.APPLICATION_JSON, JsonCodec.document(body)));
    }

    /** Mesos writes times in legacy endpoints as fractional seconds since the epoch. */
    public static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
