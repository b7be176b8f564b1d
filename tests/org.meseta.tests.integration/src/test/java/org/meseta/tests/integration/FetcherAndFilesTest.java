package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * CommandInfo URIs fetched into the sandbox before the task starts (an archive extracted, a script made
 * executable), and the sandbox seen through the agent's {@code /files} API.
 */
class FetcherAndFilesTest {

    @TempDir
    Path workDir;

    @Test
    void fetchedUrisAreInTheSandboxAndTheFilesApiShowsThem() throws Exception {
        Path payload = Files.createDirectories(workDir.resolve("payload/data"));
        Files.writeString(payload.resolve("greeting.txt"), "fetched and extracted\n");
        Path archive = workDir.resolve("data.tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", archive.toString(), "-C", workDir.resolve("payload").toString(),
                "data").inheritIO().start();
        assertEquals(0, tar.waitFor());
        Path script = workDir.resolve("show.sh");
        Files.writeString(script, "#!/bin/sh\ncat data/greeting.txt\n");

        try (LocalCluster cluster = LocalCluster.start("fetcher-local", workDir.resolve("cluster"), 1);
                SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), Wire.JSON,
                        SchedulerClient.framework("fetching"))) {
            Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            TaskInfo task = Calls.commandTask("fetcher", offer, "./show.sh", 0.1, 32)
                    .setCommand(CommandInfo.newBuilder().setShell(true).setValue("./show.sh")
                            .addUris(CommandInfo.URI.newBuilder().setValue(archive.toString()).setExtract(true))
                            .addUris(CommandInfo.URI.newBuilder().setValue("file://" + script).setExecutable(true)))
                    .build();
            framework.accepted(Calls.launch(offer, task));

            TaskStatus last = framework.awaitUpdate();
            while (last.getState() != TaskState.TASK_FINISHED && last.getState() != TaskState.TASK_FAILED) {
                framework.acknowledge(last);
                last = framework.awaitUpdate();
            }
            assertEquals(TaskState.TASK_FINISHED, last.getState(), last::toString);

            String agentId = last.getAgentId().getValue();
            String agent = cluster.agentAddress(agentId);
            String sandbox = cluster.sandbox(agentId, framework.id().getValue(), "fetcher");
            assertEquals("fetched and extracted\n", Sandboxes.read(agent, sandbox, "stdout"));
            JsonNode listing = Cluster.getJson(agent, "/files/browse?path="
                    + URLEncoder.encode(sandbox, StandardCharsets.UTF_8)).orElseThrow();
            Set<String> names = new HashSet<>();
            listing.forEach(entry -> names.add(Path.of(entry.path("path").asText()).getFileName().toString()));
            assertTrue(names.containsAll(Set.of("stdout", "stderr", "show.sh", "data", "data.tar.gz")), names::toString);
            framework.acknowledge(last);
        }
    }
}
