package org.meseta.agent.internal.fetcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.meseta.http.HttpResponse;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpServerOptions;
import org.meseta.http.HttpTransport;
import org.meseta.http.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher against a loopback HTTP server and local files, with real tar and zip archives. */
class FetcherTest {

    @TempDir
    Path workDir;

    private Path sandbox;
    private HttpTransport transport;
    private HttpServer server;
    private final Fetcher fetcher = new Fetcher(Optional.empty());

    @BeforeEach
    void serve() throws Exception {
        sandbox = Files.createDirectories(workDir.resolve("sandbox"));
        Map<String, byte[]> files = Map.of("/bundle.tar.gz", tarball(), "/site.zip", zip("site/index.html"),
                "/evil.zip", zip("../escaped"), "/tool.sh", "#!/bin/sh\necho tool\n".getBytes(StandardCharsets.UTF_8));
        Router.Builder routes = Router.builder();
        files.forEach((path, body) -> routes.route("GET", path, request -> CompletableFuture.completedFuture(
                HttpResponse.ok("application/octet-stream", body))));
        transport = HttpTransport.create("fetcher-test", 1);
        server = HttpServer.start(transport, new InetSocketAddress("127.0.0.1", 0), routes.build(),
                HttpServerOptions.defaults());
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
        transport.close();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.address().getPort() + path;
    }

    private static CommandInfo.URI uri(String value) {
        return CommandInfo.URI.newBuilder().setValue(value).build();
    }

    @Test
    void aTarballIsDownloadedAndExtractedBesideIt() throws Exception {
        fetcher.fetch(List.of(uri(url("/bundle.tar.gz"))), sandbox);

        assertTrue(Files.exists(sandbox.resolve("bundle.tar.gz")));
        assertEquals("inside\n", Files.readString(sandbox.resolve("inner/file.txt")));
    }

    @Test
    void aZipIsExtractedUnlessExtractIsOff() throws Exception {
        fetcher.fetch(List.of(uri(url("/site.zip"))), sandbox);
        Path other = Files.createDirectories(workDir.resolve("other"));
        fetcher.fetch(List.of(uri(url("/site.zip")).toBuilder().setExtract(false).build()), other);

        assertEquals("site/index.html", Files.readString(sandbox.resolve("site/index.html")));
        assertFalse(Files.exists(other.resolve("site")));
    }

    @Test
    void anExecutableIsMadeExecutableUnderItsOutputFileName() throws Exception {
        fetcher.fetch(List.of(uri(url("/tool.sh")).toBuilder().setExecutable(true).setOutputFile("bin/run").build()),
                sandbox);

        assertTrue(Files.isExecutable(sandbox.resolve("bin/run")));
    }

    @Test
    void localFilesAreCopiedFromAbsolutePathsFileUrisAndTheFrameworksHome() throws Exception {
        Path home = Files.createDirectories(workDir.resolve("home"));
        Files.writeString(home.resolve("data.txt"), "data");

        try (Fetcher withHome = new Fetcher(Optional.of(home))) {
            withHome.fetch(List.of(uri(home.resolve("data.txt").toString()).toBuilder().setOutputFile("a").build(),
                    uri(home.resolve("data.txt").toUri().toString()).toBuilder().setOutputFile("b").build(),
                    uri("data.txt")), sandbox);
        }

        for (String name : List.of("a", "b", "data.txt")) {
            assertEquals("data", Files.readString(sandbox.resolve(name)), name);
        }
    }

    @Test
    void aFailureNamesTheUriAndWhy() {
        String missing = url("/missing.tar.gz");

        assertEquals("Failed to fetch '" + missing + "': the server answered HTTP 404", assertThrows(
                FetchException.class, () -> fetcher.fetch(List.of(uri(missing)), sandbox)).getMessage());
        assertEquals("Failed to fetch 'data.txt': a relative path needs the agent's --frameworks_home, which is not"
                + " set", assertThrows(FetchException.class, () -> fetcher.fetch(List.of(uri("data.txt")), sandbox))
                .getMessage());
        assertEquals("Failed to fetch 'ftp://example.test/x': the scheme 'ftp' is not supported; use http, https or"
                + " file", assertThrows(FetchException.class, () -> fetcher.fetch(List.of(uri("ftp://example.test/x")),
                        sandbox)).getMessage());
    }

    @Test
    void nothingIsWrittenOutsideTheSandbox() {
        assertThrows(FetchException.class, () -> fetcher.fetch(List.of(uri(url("/evil.zip"))), sandbox));
        assertThrows(FetchException.class, () -> fetcher.fetch(List.of(uri(url("/tool.sh")).toBuilder()
                .setOutputFile("../outside").build()), sandbox));

        assertFalse(Files.exists(workDir.resolve("escaped")));
        assertFalse(Files.exists(workDir.resolve("outside")));
    }

    private byte[] tarball() throws Exception {
        Path source = Files.createDirectories(workDir.resolve("source/inner"));
        Files.writeString(source.resolve("file.txt"), "inside\n");
        Path archive = workDir.resolve("bundle.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", source.getParent().toString(),
                "inner").inheritIO().start();
        assertEquals(0, tar.waitFor());
        return Files.readAllBytes(archive);
    }

    private static byte[] zip(String entry) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(entry.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
