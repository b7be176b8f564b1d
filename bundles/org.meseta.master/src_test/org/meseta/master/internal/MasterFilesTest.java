package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.meseta.daemon.DaemonException;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The master's {@code /files}: its log as {@code /master/log} with {@code --log_dir}, nothing without. */
class MasterFilesTest {

    @TempDir
    Path dir;

    private static HttpResponse<byte[]> files(TestMaster master, String endpoint, String path, String... parameters)
            throws Exception {
        StringBuilder target = new StringBuilder("/files/").append(endpoint).append("?path=")
                .append(URLEncoder.encode(path, StandardCharsets.UTF_8));
        for (String parameter : parameters) {
            target.append('&').append(parameter);
        }
        return Http.get(master.uri(target.toString()));
    }

    private static Map<String, Object> read(TestMaster master, String path, String... parameters) throws Exception {
        HttpResponse<byte[]> response = files(master, "read", path, parameters);
        assertEquals(200, response.statusCode(), Http.text(response));
        return JsonTree.parseObject(Http.text(response));
    }

    @Test
    void withLogDirTheLogFileIsWrittenAndServedAsMasterLog() throws Exception {
        Path logDir = dir.resolve("logs/master");
        Path log = logDir.resolve("meseta-master.log");

        try (TestMaster master = TestMaster.start(dir.resolve("work"), "--log_dir=" + logDir)) {
            String started = "Master " + master.id() + " (" + TestMaster.HOSTNAME + ") started on "
                    + master.endpoint();
            assertTrue(Files.readString(log).contains(started), Files.readString(log));

            long before = Files.size(log);
            BigDecimal size = JsonTree.number(read(master, "/master/log", "offset=-1"), "offset");
            assertTrue(size.longValue() >= before && size.longValue() <= Files.size(log),
                    "offset -1 gives the size: " + size + " not in [" + before + ", " + Files.size(log) + "]");
            assertEquals("", read(master, "/master/log", "offset=-1").get("data"));

            String head = (String) read(master, "/master/log", "offset=0").get("data");
            assertTrue(head.contains(started), head);
            assertEquals(Map.of("data", head.substring(2, 7), "offset", new BigDecimal(2)),
                    read(master, "/master/log", "offset=2", "length=5"));

            HttpResponse<byte[]> download = files(master, "download", "/master/log");
            assertEquals(200, download.statusCode());
            assertEquals("application/octet-stream", Http.contentType(download));
            byte[] whole = Files.readAllBytes(log);
            assertTrue(download.body().length > 0 && download.body().length <= whole.length);
            assertArrayEquals(Arrays.copyOf(whole, download.body().length), download.body(),
                    "the download is the file as it was");

            assertEquals(Map.of("/master/log", log.toString()),
                    Http.getJson(master.uri("/files/debug")));
            assertEquals(logDir.toString(), JsonTree.string(JsonTree.object(Http.getJson(master.uri("/flags")),
                    "flags"), "log_dir"));
        }
    }

    @Test
    void onlyTheLogItselfExists() throws Exception {
        try (TestMaster master = TestMaster.start(dir.resolve("work"), "--log_dir=" + dir.resolve("logs"))) {
            HttpResponse<byte[]> browse = files(master, "browse", "/master/log");
            assertEquals(200, browse.statusCode(), Http.text(browse));
            assertEquals(List.of(), JsonTree.parse(Http.text(browse)), "a file lists nothing, as in Mesos");

            assertEquals(404, files(master, "browse", "/master").statusCode(), "nothing is attached at /master");
            assertEquals(404, files(master, "read", "/master/log/x", "offset=0").statusCode());
            assertEquals(404, files(master, "read", "/master/log/../../../../../../../etc/passwd", "offset=0")
                    .statusCode());
            assertEquals(404, files(master, "read", "/etc/passwd", "offset=0").statusCode());
            assertEquals(404, files(master, "download", dir.resolve("logs").toString()).statusCode());
            assertEquals(400, Http.get(master.uri("/files/read")).statusCode(), "path is required");
            assertEquals(400, files(master, "read", "/master/log", "offset=x").statusCode());
            assertEquals(404, Http.get(master.uri("/master/files/read?path=/master/log")).statusCode(),
                    "the files process is not the master's: it answers at the root only");
            assertEquals(200, files(master, "read.json", "/master/log").statusCode());
        }
    }

    @Test
    void withoutLogDirThereIsNoMasterLog() throws Exception {
        try (TestMaster master = TestMaster.start(dir.resolve("work"))) {
            assertEquals(404, files(master, "browse", "/master/log").statusCode());
            assertEquals(404, files(master, "read", "/master/log", "offset=-1").statusCode());
            assertEquals(404, files(master, "download", "/master/log").statusCode());
            assertEquals(Map.of(), Http.getJson(master.uri("/files/debug")));
            assertEquals(400, Http.get(master.uri("/files/browse")).statusCode());
        }
    }

    @Test
    void aStoppedMasterNoLongerWritesItsLogFile() throws Exception {
        Path log = dir.resolve("logs/meseta-master.log");
        TestMaster master = TestMaster.start(dir.resolve("work"), "--log_dir=" + dir.resolve("logs"));
        master.close();
        long size = Files.size(log);

        System.getLogger(MasterFilesTest.class.getName()).log(System.Logger.Level.WARNING, "after the master");

        assertEquals(size, Files.size(log));
    }

    @Test
    void aLogDirThatCannotBeCreatedIsReportedInOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-directory"), "x");

        DaemonException error = assertThrows(DaemonException.class,
                () -> TestMaster.start(dir.resolve("work"), "--log_dir=" + file.resolve("logs")));

        assertTrue(error.getMessage().startsWith("Cannot create --log_dir " + file.resolve("logs") + ": "),
                error.getMessage());
        assertEquals(1, error.getMessage().lines().count(), error.getMessage());
    }
}
