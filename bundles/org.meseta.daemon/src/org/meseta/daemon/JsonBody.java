package org.meseta.daemon;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.meseta.api.json.JsonCodec;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.Jsonp;
import org.meseta.http.MediaTypes;

/** Hand-built JSON documents for the legacy endpoints, with JSONP as the Mesos web UI expects. */
public final class JsonBody {

    /** Writes one JSON value. */
    @FunctionalInterface
    public interface Writer {
        void write(JsonGenerator generator) throws IOException;
    }

    private JsonBody() {}

    /** A 200 JSON response, or {@code callback(json)} when the request carries {@code ?jsonp=callback}. */
    public static HttpResponse respond(HttpRequest request, Writer body) {
        return Jsonp.apply(request, HttpResponse.ok(MediaTypes.APPLICATION_JSON, write(body)));
    }

    public static byte[] write(Writer body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = JsonCodec.factory().createGenerator(out)) {
            body.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing JSON to memory failed", e);
        }
        return out.toByteArray();
    }

    /** Mesos writes times in legacy endpoints as fractional seconds since the epoch. */
    public static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }
}
