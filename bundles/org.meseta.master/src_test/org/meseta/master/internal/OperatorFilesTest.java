package org.meseta.master.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.mesos.v1.master.Protos.Call;
import org.apache.mesos.v1.master.Protos.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.testing.Http;

/** {@code LIST_FILES} and {@code READ_FILE} on the master: its log as {@code /master/log} with {@code --log_dir}. */
class OperatorFilesTest {

    @TempDir
    Path dir;

    private static Call list(String path) {
        return Call.newBuilder().setType(Call.Type.LIST_FILES)
                .setListFiles(Call.ListFiles.newBuilder().setPath(path)).build();
    }

    private static Call read(String path, long offset, Long length) {
        Call.ReadFile.Builder read = Call.ReadFile.newBuilder().setPath(path).setOffset(offset);
        if (length != null) {
            read.setLength(length);
        }
        return Call.newBuilder().setType(Call.Type.READ_FILE).setReadFile(read).build();
    }

    private static void assertRefused(OperatorClient operator, Call call, int status, String reason)
            throws Exception {
        var response = operator.raw(call);
        assertEquals(status, response.statusCode(), () -> Http.text(response));
        assertTrue(Http.text(response).startsWith(reason), Http.text(response));
    }

    @Test
    void withLogDirTheLogIsReadInBothEncodings() throws Exception {
        Path logDir = dir.resolve("logs");
        try (TestMaster master = TestMaster.start(dir.resolve("work"), "--log_dir=" + logDir)) {
            OperatorClient operator = new OperatorClient(master);
            Path log = logDir.resolve("meseta-master.log");
            byte[] head = Arrays.copyOf(Files.readAllBytes(log), 16);

            for (Response response : java.util.List.of(operator.json(read("/master/log", 0, 16L)),
                    operator.protobuf(read("/master/log", 0, 16L)))) {
                assertEquals(Response.Type.READ_FILE, response.getType());
                assertArrayEquals(head, response.getReadFile().getData().toByteArray());
                assertTrue(response.getReadFile().getSize() >= 16);
            }

            Response.ReadFile past = operator.protobuf(read("/master/log", Long.MAX_VALUE, null)).getReadFile();
            assertEquals(0, past.getData().size());
            assertTrue(past.getSize() >= 16, "the size even past the end");
            assertEquals(0, operator.json(read("/master/log", 0, 0L)).getReadFile().getData().size());

            // A log file is no directory: it lists as nothing, as in Mesos.
            assertEquals(Response.ListFiles.getDefaultInstance(), operator.json(list("/master/log")).getListFiles());
        }
    }

    @Test
    void unknownPathsAre404AndBadOffsetsOrLengthsOrDirectories400() throws Exception {
        Path logDir = dir.resolve("logs");
        try (TestMaster master = TestMaster.start(dir.resolve("work"), "--log_dir=" + logDir)) {
            OperatorClient operator = new OperatorClient(master);
            assertRefused(operator, list("/nowhere"), 404, "Path '/nowhere' not found.");
            assertRefused(operator, read("/nowhere", 0, null), 404, "Path '/nowhere' not found.");
            assertRefused(operator, read("/master/log/..", 0, null), 404, "Path '/master/log/..' not found.");
            // uint64 offsets and lengths beyond the signed range, which Mesos reads as negative
            assertRefused(operator, read("/master/log", -1, null), 400, "Negative offset provided");
            assertRefused(operator, read("/master/log", 0, -5L), 400, "Negative length provided");
        }
    }

    @Test
    void withoutLogDirNothingIsAttached() throws Exception {
        try (TestMaster master = TestMaster.start(dir.resolve("work"))) {
            OperatorClient operator = new OperatorClient(master);
            assertRefused(operator, read("/master/log", 0, null), 404, "Path '/master/log' not found.");
            assertRefused(operator, list("/master"), 404, "Path '/master' not found.");
        }
    }
}
