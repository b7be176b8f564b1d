package org.meseta.tests.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.ByteString;
import java.nio.file.Path;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.meseta.tests.v1client.Calls;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;

/**
 * A framework's own executor ({@link EchoExecutor}, a separate process on the v1 executor API) on a real local
 * cluster: its updates reach the framework, messages go both ways, and KILL reaches it.
 */
class CustomExecutorTest {

    @TempDir
    static Path workDir;

    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = LocalCluster.start("executor-local", workDir, 1, "--resources=cpus:4;mem:4096;disk:1024");
    }

    @AfterAll
    static void stopCluster() {
        cluster.close();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void theExecutorRunsItsTaskEchoesMessagesAndEndsItWhenKilled(Wire wire) throws Exception {
        try (SchedulerClient framework = SchedulerClient.subscribe(cluster.master(), wire,
                SchedulerClient.framework("echo-framework-" + wire))) {
            Offer offer = framework.await(Event.Type.OFFERS).getOffers().getOffers(0);
            ExecutorID executorId = ExecutorID.newBuilder().setValue("echo-executor").build();
            TaskInfo task = Calls.commandTask("echoed", offer, "unused", 0.1, 32).clearCommand()
                    .setExecutor(ExecutorInfo.newBuilder().setExecutorId(executorId).setType(ExecutorInfo.Type.CUSTOM)
                            .setCommand(CommandInfo.newBuilder().setShell(true).setValue(EchoExecutor.command()))
                            .addResources(Calls.scalar("cpus", 0.1, offer))
                            .addResources(Calls.scalar("mem", 64, offer)))
                    .build();
            framework.accepted(Calls.launch(offer, task));

            TaskStatus running = framework.awaitUpdate();
            assertEquals(TaskState.TASK_RUNNING, running.getState(), running::toString);
            assertEquals(TaskStatus.Source.SOURCE_EXECUTOR, running.getSource());
            assertEquals(executorId, running.getExecutorId());
            framework.acknowledge(running);

            framework.accepted(Call.newBuilder().setType(Call.Type.MESSAGE).setMessage(Call.Message.newBuilder()
                    .setAgentId(running.getAgentId()).setExecutorId(executorId)
                    .setData(ByteString.copyFromUtf8("ping"))));
            Event.Message echoed = framework.await(Event.Type.MESSAGE).getMessage();
            assertEquals("echo:ping", echoed.getData().toStringUtf8());
            assertEquals(executorId, echoed.getExecutorId());

            framework.accepted(Calls.kill(task.getTaskId()));
            TaskStatus killed = framework.awaitUpdate();
            assertEquals(TaskState.TASK_KILLED, killed.getState(), killed::toString);
            framework.acknowledge(killed);
            framework.accepted(Calls.teardown());
        }
    }
}
