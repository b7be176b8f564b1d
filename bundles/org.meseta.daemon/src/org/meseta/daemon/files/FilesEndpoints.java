package org.meseta.daemon.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.meseta.daemon.JsonBody;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.MediaTypes;
import org.meseta.http.ResponseStream;
import org.meseta.http.Router;

/**
 * Mesos's {@code /files} endpoints over a daemon's {@link FileAttachments}: {@code browse} (a JSON array of file
 * infos), {@code read} ({@code {"data":…,"offset":…}}, offset -1 giving the size), {@code download} (the raw file)
 * and {@code debug} (the attachments). A missing {@code path} is 400, a path outside every attachment (also through
 * {@code ..} or a symlink leading out) or that does not exist is 404, reading or downloading a directory 400. JSON
 * answers honour {@code ?jsonp=}. The attachments are looked up through {@link FileAttachments}, the files read on
 * its {@linkplain FileAttachments#reads() executor}, never on an event loop.
 *
 * <p>As in Mesos, these belong to a process of their own ({@code files}), not the master's or the agent's: they
 * answer as {@code /files/X} only, never under the {@code /master} or {@code /slave(1)} prefix.
 */
public final class FilesEndpoints {

    private static final int DOWNLOAD_CHUNK_BYTES = 64 * 1024;

    private final FileAttachments files;

    private FilesEndpoints(FileAttachments files) {
        this.files = files;
    }

    /**
     * Adds {@code /files/browse} and {@code /files/read} (each also with Mesos's old {@code .json} alias),
     * {@code /files/download} and {@code /files/debug}, serving {@code files}.
     */
    public static void addTo(Router.Builder routes, FileAttachments files) {
        FilesEndpoints endpoints = new FilesEndpoints(files);
        routes.route("GET", endpoints::browse, "/files/browse", "/files/browse.json");
        routes.route("GET", endpoints::read, "/files/read", "/files/read.json");
        routes.route("GET", endpoints::download, "/files/download");
        routes.route("GET", endpoints::debug, "/files/debug");
    }

    private CompletionStage<HttpResponse> browse(HttpRequest request) {
        return withFile(request, file -> {
            List<ConfinedFiles.Entry> entries = Files.isDirectory(file)
                    ? ConfinedFiles.list(file, virtualPath(request)) : List.of();
            return JsonBody.respond(request, generator -> {
                generator.writeStartArray();
                for (ConfinedFiles.Entry entry : entries) {
                    generator.writeStartObject();
                    generator.writeStringField("path", entry.path());
                    generator.writeStringField("mode", entry.modeText());
                    generator.writeNumberField("nlink", entry.nlink());
                    generator.writeStringField("uid", entry.uid());
                    generator.writeStringField("gid", entry.gid());
                    generator.writeNumberField("size", entry.size());
                    generator.writeNumberField("mtime", entry.mtime());
                    generator.writeEndObject();
                }
                generator.writeEndArray();
            });
        });
    }

    private CompletionStage<HttpResponse> read(HttpRequest request) {
        Optional<Long> offset;
        Optional<Long> length;
        try {
            offset = number(request, "offset");
            length = number(request, "length");
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, e.getMessage()));
        }
        return withFile(request, file -> {
            if (Files.isDirectory(file)) {
                return HttpResponse.text(400, "Cannot read a directory.");
            }
            ConfinedFiles.Chunk chunk = ConfinedFiles.read(file, offset.orElse(-1L), length.orElse(-1L));
            return JsonBody.respond(request, generator -> {
                generator.writeStartObject();
                generator.writeStringField("data", new String(chunk.data(), StandardCharsets.UTF_8));
                generator.writeNumberField("offset", chunk.offset());
                generator.writeEndObject();
            });
        });
    }

    private CompletionStage<HttpResponse> download(HttpRequest request) {
        return withFile(request, file -> {
            if (Files.isDirectory(file)) {
                return HttpResponse.text(400, "Cannot download a directory.");
            }
            HttpHeaders headers = HttpHeaders.of("Content-Disposition", "attachment; filename="
                    + file.getFileName());
            return HttpResponse.stream(200, MediaTypes.APPLICATION_OCTET_STREAM, headers,
                    stream -> files.reads().execute(() -> send(file, stream)));
        });
    }

    private CompletionStage<HttpResponse> debug(HttpRequest request) {
        return files.all().thenApply(attached -> JsonBody.respond(request, generator -> {
            generator.writeStartObject();
            for (Map.Entry<String, Path> entry : attached.entrySet()) {
                generator.writeStringField(entry.getKey(), entry.getValue().toString());
            }
            generator.writeEndObject();
        }));
    }

    @FunctionalInterface
    private interface FileHandler {
        HttpResponse handle(Path file) throws IOException;
    }

    /** Finds the file {@code path} names and answers with {@code handler} off the event loop, or 400/404. */
    private CompletionStage<HttpResponse> withFile(HttpRequest request, FileHandler handler) {
        String path = request.queryParameter("path").orElse("");
        if (path.isEmpty()) {
            return CompletableFuture.completedFuture(HttpResponse.text(400, "Expecting 'path=value' in query."));
        }
        return FileCalls.<HttpResponse>onFile(files, path, file -> new FileCalls.Result.Done<>(handler.handle(file)))
                .thenApply(result -> switch (result) {
                    case FileCalls.Result.Done<HttpResponse> done -> done.value();
                    case FileCalls.Result.Refused<HttpResponse> refused ->
                            HttpResponse.text(refused.status(), refused.reason());
                });
    }

    private static String virtualPath(HttpRequest request) {
        String path = request.queryParameter("path").orElseThrow();
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** An optional integer parameter that must be -1 or more. */
    private static Optional<Long> number(HttpRequest request, String name) {
        Optional<String> text = request.queryParameter(name);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        long value;
        try {
            value = Long.parseLong(text.get().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Failed to parse " + name + ": '" + text.get() + "' is not a number.");
        }
        if (value < -1) {
            throw new IllegalArgumentException("Negative " + name + " provided: " + value + ".");
        }
        return Optional.of(value);
    }

    /** Streams the file in chunks, each written before the next is read, so memory stays bounded. */
    private static void send(Path file, ResponseStream stream) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[DOWNLOAD_CHUNK_BYTES];
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0 && stream.isOpen()) {
                stream.write(Arrays.copyOf(buffer, read)).join();
            }
        } catch (IOException | RuntimeException e) {
            System.getLogger(FilesEndpoints.class.getName()).log(System.Logger.Level.WARNING,
                    "Download of {0} ended early: {1}", file, e.getMessage());
        } finally {
            stream.close();
        }
    }
}
