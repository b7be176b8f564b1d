package org.meseta.agent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent's {@code --log_dir}: its log written to {@code meseta-agent.log} and served as {@code /slave/log}. */
class AgentLogTest {

    @TempDir
    Path workDir;

    @Test
    void withLogDirTheLogIsWrittenAndServedAsSlaveLog() throws Exception {
        Path log = workDir.resolve("logs/meseta-agent.log");
        try (LinkedAgent agent = LinkedAgent.start(workDir, "--log_dir=" + workDir.resolve("logs"))) {
            String started = "Agent slave(1)@127.0.0.1:" + agent.port() + " started with";
            assertTrue(Files.readString(log).contains(started), Files.readString(log));

            long before = Files.size(log);
            Map<String, Object> end = TestCluster.getJson(agent.port(), "/files/read?path=/slave/log&offset=-1");
            BigDecimal size = JsonTree.number(end, "offset");
            assertTrue(size.longValue() >= before && size.longValue() <= Files.size(log), size + " vs " + before);
            String head = JsonTree.string(TestCluster.getJson(agent.port(), "/files/read?path=/slave/log&offset=0"),
                    "data");
            assertTrue(head.contains(started), head);
            assertTrue(Http.text(TestCluster.get(agent.port(), "/files/download?path=/slave/log")).contains(started));
            assertEquals(log.toString(), TestCluster.getJson(agent.port(), "/files/debug").get("/slave/log"));
        }
    }

    @Test
    void withoutLogDirThereIsNoSlaveLog() throws Exception {
        try (LinkedAgent agent = LinkedAgent.start(workDir)) {
            assertEquals(404, TestCluster.get(agent.port(), "/files/read?path=/slave/log&offset=-1").statusCode());
            assertEquals(404, TestCluster.get(agent.port(), "/files/browse?path=/slave/log").statusCode());
        }
    }
}
