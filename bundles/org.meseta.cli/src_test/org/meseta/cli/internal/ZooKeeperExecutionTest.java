package org.meseta.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.cli.internal.SchedulerEvents.offer;
import static org.meseta.cli.internal.SchedulerEvents.offers;
import static org.meseta.cli.internal.SchedulerEvents.status;
import static org.meseta.cli.internal.SchedulerEvents.update;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.json.JsonCodec;
import org.meseta.testing.TestZooKeeper;

/**
 * {@code --master=zk://...}: the run finds the leader in Mesos's znode layout on a real ZooKeeper in this JVM, and
 * when that master goes, subscribes again, as the same framework, with the next leader ZooKeeper names. The masters
 * are fakes speaking the scheduler API over real HTTP; their nodes are written as Mesos masters write theirs.
 */
class ZooKeeperExecutionTest {

    private static final String GROUP = "/mesos";
    private static final long WAIT_SECONDS = 20;

    private final CapturedOutput output = new CapturedOutput();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private TestZooKeeper zooKeeper;

    @BeforeEach
    void startZooKeeper() throws Exception {
        zooKeeper = TestZooKeeper.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        zooKeeper.close();
    }

    private FakeSchedulerMaster master() throws Exception {
        FakeSchedulerMaster master = FakeSchedulerMaster.start();
        toClose.add(master);
        return master;
    }

    /** Makes {@code master} a member of the group, as a Mesos master announces itself; returns its node. */
    private String announce(FakeSchedulerMaster master) throws Exception {
        int port = Integer.parseInt(master.address().substring(master.address().lastIndexOf(':') + 1));
        MasterInfo info = MasterInfo.newBuilder().setId("fake-master-" + port).setIp(16777343).setPort(port)
                .setHostname("fake-master.test").setAddress(Address.newBuilder().setIp("127.0.0.1").setPort(port))
                .build();
        return zooKeeper.createMember(GROUP + "/json.info_", JsonCodec.encode(info));
    }

    private Execution run() throws Exception {
        return run(ConnectRetry.DEFAULT, SchedulerSession.LEADER_WAIT);
    }

    private Execution run(ConnectRetry retry, Duration leaderWait) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master=" + zooKeeper.url(GROUP), "--name=hello",
                "--command=echo hello"));
        Execution run = Execution.start(ExecuteOptions.from(FlagParser.parse(ExecuteFlags.ALL, args)), retry,
                leaderWait, output.out, output.err);
        toClose.add(run);
        return run;
    }

    private static int exitStatus(Execution run) throws Exception {
        return run.exitStatus().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void theRunSubscribesWithTheLeaderZooKeeperNames() throws Exception {
        FakeSchedulerMaster follower = master();
        FakeSchedulerMaster leader = master();
        announce(leader);
        announce(follower);
        leader.on(Call.Type.SUBSCRIBE, call -> leader.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        leader.on(Call.Type.ACCEPT, accept -> leader.send(update(status(accept, TaskState.TASK_FINISHED))));

        assertEquals(0, exitStatus(run()));
        assertEquals(List.of(), follower.calls());
        assertEquals(Call.Type.SUBSCRIBE, leader.callTypes().getFirst());
    }

    @Test
    void whenTheLeaderGoesTheFrameworkSubscribesAgainWithTheNextOne() throws Exception {
        FakeSchedulerMaster first = master();
        FakeSchedulerMaster second = master();
        String firstNode = announce(first);
        first.on(Call.Type.SUBSCRIBE, call -> first.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        first.on(Call.Type.ACCEPT, accept -> first.send(update(status(accept, TaskState.TASK_RUNNING))));
        Execution run = run();
        Call accept = first.await(Call.Type.ACCEPT).call();
        first.await(Call.Type.ACKNOWLEDGE);

        // The first master dies: its node goes, another master is elected, the first stops answering.
        second.on(Call.Type.SUBSCRIBE, call -> second.send(update(status(accept, TaskState.TASK_FINISHED))));
        zooKeeper.delete(firstNode);
        announce(second);
        first.close();

        assertEquals(0, exitStatus(run));
        Call resubscribe = second.await(Call.Type.SUBSCRIBE).call();
        assertEquals(SchedulerEvents.FRAMEWORK_ID, resubscribe.getFrameworkId().getValue());
        assertEquals(SchedulerEvents.FRAMEWORK_ID, resubscribe.getSubscribe().getFrameworkInfo().getId().getValue());
        assertEquals(List.of(Call.Type.SUBSCRIBE, Call.Type.ACKNOWLEDGE, Call.Type.TEARDOWN), second.callTypes());
        assertTrue(output.stdout().contains("subscribing again with the leading master"), output.stdout());
        assertEquals("", output.stderr());
    }

    @Test
    void whenNoOtherLeaderIsNamedTheRunFailsWithOneLine() throws Exception {
        FakeSchedulerMaster only = master();
        String node = announce(only);
        only.on(Call.Type.SUBSCRIBE, call -> only.send(offers(offer("O1", "S1", "cpus:2;mem:1024"))));
        Execution run = run(ConnectRetry.every(Duration.ofMillis(50), 2), Duration.ofMillis(500));
        only.await(Call.Type.ACCEPT);

        zooKeeper.delete(node);
        only.close();

        assertEquals(1, exitStatus(run));
        assertTrue(output.stderr().startsWith("meseta-execute: cannot connect to the master at "), output.stderr());
        assertTrue(output.stderr().endsWith(", and ZooKeeper named no other leading master within 500ms\n"),
                output.stderr());
    }
}
