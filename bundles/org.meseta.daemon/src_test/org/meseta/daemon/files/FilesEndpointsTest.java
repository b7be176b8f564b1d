package org.meseta.daemon.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.meseta.daemon.Actor;
import org.meseta.http.HttpHeaders;
import org.meseta.http.HttpRequest;
import org.meseta.http.HttpResponse;
import org.meseta.http.Router;
import org.meseta.testing.Eventually;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared {@code /files} endpoints over attachments of either kind, without a daemon or sockets. */
class FilesEndpointsTest {

    @TempDir
    Path dir;

    private Path sandbox;
    private Path log;
    private final AtomicInteger reads = new AtomicInteger();
    private final Executor countingReads = work -> {
        reads.incrementAndGet();
        ForkJoinPool.commonPool().execute(work);
    };

    @BeforeEach
    void files() throws Exception {
        sandbox = Files.createDirectories(dir.resolve("sandbox"));
        Files.writeString(sandbox.resolve("stdout"), "hello\n");
        Files.createDirectories(sandbox.resolve("dir"));
        Files.writeString(dir.resolve("secret"), "outside\n");
        Files.createSymbolicLink(sandbox.resolve("escape"), dir.resolve("secret"));
        log = Files.writeString(dir.resolve("daemon.log"), "line one\nline two\n");
    }

    private static Router router(FileAttachments files) {
        Router.Builder routes = Router.builder();
        FilesEndpoints.addTo(routes, files);
        return routes.build();
    }

    private Router fixed() {
        return router(FileAttachments.fixed(Map.of("/sandbox", sandbox, "/daemon/log", log), countingReads));
    }

    private static HttpResponse.FullResponse get(Router router, String endpoint, String path, String... parameters)
            throws Exception {
        StringBuilder target = new StringBuilder("/files/").append(endpoint);
        if (path != null) {
            target.append("?path=").append(URLEncoder.encode(path, StandardCharsets.UTF_8));
        }
        for (String parameter : parameters) {
            target.append(path == null ? '?' : '&').append(parameter);
        }
        HttpResponse response = router.handle(HttpRequest.of("GET", target.toString(), HttpHeaders.empty(),
                new byte[0])).toCompletableFuture().get(5, TimeUnit.SECONDS);
        return assertInstanceOf(HttpResponse.FullResponse.class, response);
    }

    @Test
    void anAttachedFileIsReadAsItselfWithOffsetMinusOneGivingItsSize() throws Exception {
        Router router = fixed();

        assertEquals("{\"data\":\"\",\"offset\":18}", get(router, "read", "/daemon/log", "offset=-1").bodyText());
        assertEquals("{\"data\":\"line two\\n\",\"offset\":9}",
                get(router, "read", "/daemon/log", "offset=9").bodyText());
        assertEquals("[]", get(router, "browse", "/daemon/log").bodyText(), "a file lists nothing");
        assertEquals(404, get(router, "read", "/daemon/log/x", "offset=0").status());
        assertEquals(404, get(router, "browse", "/daemon").status(), "only the attached path itself exists");
        assertTrue(reads.get() > 0, "the files were read on the attachments' executor");
    }

    @Test
    void nothingOutsideAnAttachmentCanBeReached() throws Exception {
        Router router = fixed();

        assertEquals(404, get(router, "read", "/sandbox/../secret", "offset=0").status());
        assertEquals(404, get(router, "read", "/sandbox/escape", "offset=0").status(), "a symlink leading out");
        assertEquals(404, get(router, "read", dir.resolve("secret").toString(), "offset=0").status());
        assertEquals(404, get(router, "read", "/sandbox/missing", "offset=0").status());
        assertEquals(400, get(router, "read", null).status(), "path is required");
        assertEquals(400, get(router, "read", "/sandbox/dir", "offset=0").status());
        assertEquals(400, get(router, "read", "/sandbox/stdout", "offset=-2").status());
        assertEquals(400, get(router, "read", "/sandbox/stdout", "length=x").status());
    }

    @Test
    void browseListsADirectoryAndDebugEveryAttachment() throws Exception {
        Router router = fixed();

        String listing = get(router, "browse", "/sandbox/").bodyText();
        assertTrue(listing.startsWith("[{\"path\":\"/sandbox/dir\",\"mode\":\"drwx"), listing);
        assertTrue(listing.contains("{\"path\":\"/sandbox/stdout\",\"mode\":\"-rw"), listing);
        assertEquals(Map.of("/daemon/log", log.toString(), "/sandbox", sandbox.toString()),
                JsonTree.parseObject(get(router, "debug", null).bodyText()));
    }

    @Test
    void jsonAnswersHonourJsonp() throws Exception {
        HttpResponse.FullResponse read = get(fixed(), "read.json", "/sandbox/stdout", "offset=0", "jsonp=cb");

        assertEquals("text/javascript", read.contentType());
        assertEquals("/**/cb({\"data\":\"hello\\n\",\"offset\":0});", read.bodyText());
    }

    @Test
    void attachmentsConfinedToAnActorAreLookedUpOnItsThread() throws Exception {
        AttachedPaths paths = new AttachedPaths();
        try (Actor actor = new Actor("files-owner")) {
            Router router = router(FileAttachments.confinedTo(actor, paths, countingReads));
            assertEquals(404, get(router, "read", "/sandbox/stdout", "offset=0").status());
            actor.run(() -> paths.attach("/sandbox", sandbox));
            CountDownLatch busy = new CountDownLatch(1);
            actor.run(() -> {
                try {
                    busy.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            CompletableFuture<HttpResponse> pending = router.handle(HttpRequest.of("GET",
                    "/files/read?path=/sandbox/stdout&offset=0", HttpHeaders.empty(), new byte[0]))
                    .toCompletableFuture();
            Eventually.holds("the look-up waits for the busy actor", Duration.ofMillis(100), () -> !pending.isDone());
            busy.countDown();

            HttpResponse.FullResponse read = assertInstanceOf(HttpResponse.FullResponse.class,
                    pending.get(5, TimeUnit.SECONDS));
            assertEquals("{\"data\":\"hello\\n\",\"offset\":0}", read.bodyText());
        }
    }

    @Test
    void modesAreShownAsLsShowsThem() {
        assertEquals("drwxr-xr-x", ConfinedFiles.mode(0040755));
        assertEquals("-rw-r-----", ConfinedFiles.mode(0100640));
        assertEquals("lrwxrwxrwx", ConfinedFiles.mode(0120777));
    }
}
