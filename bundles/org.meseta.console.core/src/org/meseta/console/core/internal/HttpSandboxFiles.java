package org.meseta.console.core.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.meseta.api.json.JsonCodec;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.sandbox.FileChunk;
import org.meseta.console.core.sandbox.FileEntry;
import org.meseta.console.core.sandbox.FilesException;
import org.meseta.console.core.sandbox.SandboxFiles;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** {@link SandboxFiles} with the JDK HTTP client (HTTP/1.1, JSON answers read with Jackson's streaming parser). */
public final class HttpSandboxFiles implements SandboxFiles {

    private static final int MAX_BODY_IN_MESSAGE = 120;

    private final HttpClient http;
    private final Optional<Credentials> credentials;
    private final Duration timeout;

    public HttpSandboxFiles(Optional<Credentials> credentials, Duration timeout) {
        this.credentials = credentials;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public CompletableFuture<List<FileEntry>> browse(URI agent, String path) {
        return get(agent, "/files/browse?path=" + encode(path)).thenApply(HttpSandboxFiles::entries);
    }

    @Override
    public CompletableFuture<FileChunk> read(URI agent, String path, long offset, int length) {
        return get(agent, "/files/read?path=" + encode(path) + "&offset=" + offset + "&length=" + length)
                .thenApply(HttpSandboxFiles::chunk);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private CompletableFuture<byte[]> get(URI agent, String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(agent.resolve(pathAndQuery)).timeout(timeout)
                .header("Accept", "application/json").GET();
        credentials.ifPresent(given -> request.header("Authorization", given.authorization()));
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).handle((response, failure) -> {
            if (failure != null) {
                throw new FilesException(0, "agent " + agent.getRawAuthority() + " unreachable ("
                        + FailureReasons.describe(failure, timeout) + ")");
            }
            if (response.statusCode() != 200) {
                String body = new String(response.body(), StandardCharsets.UTF_8).strip();
                throw new FilesException(response.statusCode(), "HTTP " + response.statusCode()
                        + (body.isEmpty() ? "" : ": " + shortened(body)));
            }
            return response.body();
        });
    }

    private static String shortened(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > MAX_BODY_IN_MESSAGE ? line.substring(0, MAX_BODY_IN_MESSAGE) + "…" : line;
    }

    private static String encode(String path) {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    /** {@code [{"path":…,"mode":…,"size":…,"mtime":…}, …]}; other fields skipped. */
    private static List<FileEntry> entries(byte[] json) {
        List<FileEntry> entries = new ArrayList<>();
        parse(json, parser -> {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String path = "";
                String mode = "";
                long size = 0;
                long mtime = 0;
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    parser.nextToken();
                    switch (field) {
                        case "path" -> path = parser.getValueAsString("");
                        case "mode" -> mode = parser.getValueAsString("");
                        case "size" -> size = parser.getValueAsLong();
                        case "mtime" -> mtime = (long) parser.getValueAsDouble();
                        default -> parser.skipChildren();
                    }
                }
                entries.add(new FileEntry(path, mode, size, Instant.ofEpochSecond(mtime)));
            }
        });
        return entries;
    }

    /** {@code {"data": "…", "offset": N}}. */
    private static FileChunk chunk(byte[] json) {
        String[] data = {""};
        long[] offset = {0};
        parse(json, parser -> {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "data" -> data[0] = parser.getValueAsString("");
                    case "offset" -> offset[0] = parser.getValueAsLong();
                    default -> parser.skipChildren();
                }
            }
        });
        return new FileChunk(offset[0], data[0]);
    }

    @FunctionalInterface
    private interface Reader {
        void read(JsonParser parser) throws IOException;
    }

    private static void parse(byte[] json, Reader reader) {
        try (JsonParser parser = JsonCodec.factory().createParser(json)) {
            reader.read(parser);
        } catch (IOException e) {
            throw new CompletionException(new FilesException(200, "the agent's answer is not what /files gives: "
                    + e.getMessage()));
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("expected " + expected + ", got " + actual);
        }
    }
}
