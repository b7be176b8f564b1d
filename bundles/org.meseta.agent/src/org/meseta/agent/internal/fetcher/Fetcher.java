package org.meseta.agent.internal.fetcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.mesos.v1.Protos.CommandInfo;

/**
 * Fetches a command's {@code uris} into a sandbox before the command starts, as Mesos's fetcher does without its
 * cache: {@code http://} and {@code https://} URIs are downloaded (redirects followed), {@code file://} URIs and
 * absolute paths copied, and relative paths taken from {@code --frameworks_home}. A fetched file is named after the
 * URI's last path segment, or {@code output_file}; it is made executable when {@code executable} is set, and
 * otherwise extracted in the sandbox when {@code extract} is set (the default) and its name is that of an archive
 * ({@link Archives}); the archive itself stays. Blocking: call it off the agent's actor thread. Thread-safe.
 */
public final class Fetcher implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a server may take to start answering; the download itself is not limited. */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(1);

    private final Optional<Path> frameworksHome;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    /** @param frameworksHome {@code --frameworks_home}, the directory relative URIs are taken from */
    public Fetcher(Optional<Path> frameworksHome) {
        this.frameworksHome = frameworksHome;
    }

    /**
     * Fetches each URI in order into {@code sandbox}.
     *
     * @throws FetchException for the first URI that fails, naming it and the reason
     */
    public void fetch(List<CommandInfo.URI> uris, Path sandbox) throws FetchException {
        for (CommandInfo.URI uri : uris) {
            fetch(uri, sandbox);
        }
    }

    private void fetch(CommandInfo.URI uri, Path sandbox) throws FetchException {
        String value = uri.getValue();
        Path target = destination(uri, sandbox);
        try {
            String scheme = value.toLowerCase(Locale.ROOT);
            if (scheme.startsWith("http://") || scheme.startsWith("https://")) {
                download(value, target);
            } else {
                copy(value, target);
            }
            if (uri.getExecutable()) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            } else if (uri.getExtract() && Archives.kind(target.getFileName().toString()).isPresent()) {
                Archives.extract(value, target, sandbox);
            }
        } catch (IOException e) {
            throw new FetchException(value, describe(e), e);
        }
    }

    private static Path destination(CommandInfo.URI uri, Path sandbox) throws FetchException {
        String name = uri.hasOutputFile() && !uri.getOutputFile().isEmpty() ? uri.getOutputFile()
                : lastSegment(uri.getValue());
        if (name.isEmpty()) {
            throw new FetchException(uri.getValue(), "it names no file; set output_file");
        }
        Path root = sandbox.toAbsolutePath().normalize();
        Path target = root.resolve(name).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new FetchException(uri.getValue(), "output file '" + name + "' is outside the sandbox");
        }
        try {
            Files.createDirectories(target.getParent());
        } catch (IOException e) {
            throw new FetchException(uri.getValue(), describe(e), e);
        }
        return target;
    }

    private static String lastSegment(String value) {
        String path = value;
        int query = path.indexOf('?');
        if (query >= 0 && path.contains("://")) {
            path = path.substring(0, query);
        }
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void download(String value, Path target) throws FetchException, IOException {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(new URI(value)).timeout(RESPONSE_TIMEOUT).GET().build();
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(value, "it is not a valid URI: " + e.getMessage(), e);
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FetchException(value, "the server answered HTTP " + response.statusCode());
                }
                Files.copy(body, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(value, "interrupted", e);
        }
    }

    private void copy(String value, Path target) throws FetchException, IOException {
        Path source = source(value);
        if (Files.isDirectory(source)) {
            throw new FetchException(value, source + " is a directory");
        }
        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private Path source(String value) throws FetchException {
        if (value.regionMatches(true, 0, "file://", 0, 7)) {
            try {
                return Path.of(new URI(value));
            } catch (URISyntaxException | IllegalArgumentException e) {
                throw new FetchException(value, "it is not a valid file URI: " + e.getMessage(), e);
            }
        }
        int scheme = value.indexOf("://");
        if (scheme > 0) {
            throw new FetchException(value, "the scheme '" + value.substring(0, scheme)
                    + "' is not supported; use http, https or file");
        }
        if (value.startsWith("/")) {
            return Path.of(value);
        }
        return frameworksHome.map(home -> home.resolve(value)).orElseThrow(() -> new FetchException(value,
                "a relative path needs the agent's --frameworks_home, which is not set"));
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return "no such file: " + missing.getFile();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message.strip();
    }

    @Override
    public void close() {
        http.shutdownNow();
    }
}
