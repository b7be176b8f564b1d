package org.meseta.daemon;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.VersionInfo;
import org.meseta.http.HttpHandler;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;

/** {@code /health}, {@code /version} and {@code /flags}, which every Mesos process serves. */
public final class CommonEndpoints {

    private CommonEndpoints() {}

    /**
     * Adds the three endpoints under each prefix ({@code ""} for the root, {@code "/master"} or
     * {@code "/slave(1)"} for the process alias).
     */
    public static void addTo(Router.Builder routes, SortedMap<String, String> flags, String... prefixes) {
        HttpHandler health = request -> CompletableFuture.completedFuture(HttpResponse.empty(200));
        HttpHandler version = request -> CompletableFuture.completedFuture(JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            writeVersionFields(generator);
            generator.writeEndObject();
        }));
        HttpHandler flagsHandler = request -> CompletableFuture.completedFuture(JsonBody.respond(request,
                generator -> {
                    generator.writeStartObject();
                    writeFlags(generator, flags);
                    generator.writeEndObject();
                }));
        for (String prefix : prefixes) {
            routes.route("GET", prefix + "/health", health);
            routes.route("GET", prefix + "/version", version);
            routes.route("GET", prefix + "/flags", flagsHandler);
        }
    }

    /** The {@code "flags"} object of {@code /flags} and {@code /state}: every flag's effective value. */
    public static void writeFlags(JsonGenerator generator, SortedMap<String, String> flags) throws IOException {
        generator.writeObjectFieldStart("flags");
        for (Map.Entry<String, String> flag : flags.entrySet()) {
            generator.writeStringField(flag.getKey(), flag.getValue());
        }
        generator.writeEndObject();
    }

    /** The version fields of {@code /version} and {@code /state} (see {@link Build}). */
    public static void writeVersionFields(JsonGenerator generator) throws IOException {
        VersionInfo version = Build.versionInfo();
        generator.writeStringField("version", version.getVersion());
        generator.writeStringField("meseta_version", Build.mesetaVersion());
        generator.writeStringField("build_date", version.getBuildDate());
        generator.writeNumberField("build_time", version.getBuildTime());
        generator.writeStringField("build_user", version.getBuildUser());
        generator.writeStringField("git_tag", version.getGitTag());
    }
}
