package org.meseta.console.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.meseta.console.core.ClusterEvents.agent;
import static org.meseta.console.core.ClusterEvents.json;
import static org.meseta.console.core.ClusterEvents.subscribed;
import static org.meseta.console.core.ClusterEvents.task;
import static org.meseta.console.core.ClusterEvents.taskAdded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.mesos.v1.Protos.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.ClientSettings;
import org.meseta.console.core.ClusterEvents;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.model.ClusterChange;
import org.meseta.console.core.model.ClusterState;
import org.meseta.testing.Eventually;
import org.meseta.testing.FakeMaster;
import org.meseta.testing.FakeMaster.Reply;

/**
 * When the client subscribes, tells changes, gives streams up and comes back, on a {@link ManualClientThread}: the
 * client's work runs on the test thread and time moves only when the test advances it, so every assertion is about
 * what happened, never about how long it took. The masters are real HTTP servers on 127.0.0.1 ({@link FakeMaster})
 * whose streams carry the records the test sends. Each record, and each stream's opening and end, reaches the
 * client as one arrival (see {@link ManualClientThread#awaitArrivals}); the test waits for exactly those it caused.
 */
@Timeout(60)
class StreamingClusterClientTest {

    static final String OPERATOR = "/api/v1";
    static final String OFFERS = "/api/v1/meseta/offers";
    /** Changes every 100 ms; retry after 3 s, 6 s, then every 10 s (all different, to tell them apart). */
    private static final ClientSettings SETTINGS = new ClientSettings(Duration.ofMillis(100), Duration.ofSeconds(3),
            Duration.ofSeconds(10), Duration.ofSeconds(5), 5);
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(75);
    private static final String OFFERS_SUBSCRIBED = "{\"type\":\"SUBSCRIBED\",\"subscribed\":{\"offers\":[],"
            + "\"roles\":[],\"heartbeat_interval_seconds\":15}}";
    private static final String HEARTBEAT = "{\"type\":\"HEARTBEAT\"}";

    private final ManualClientThread thread = new ManualClientThread();
    private final ManualLeaders leaders = new ManualLeaders();
    private final List<ConnectionState> states = new ArrayList<>();
    private final List<ClusterChange> changes = new ArrayList<>();
    private final List<FakeMaster> masters = new ArrayList<>();
    private FakeMaster master;
    private StreamingClusterClient client;

    @BeforeEach
    void start() throws Exception {
        master = meseta();
        client = new StreamingClusterClient(SETTINGS, thread, leaders);
        client.addListener(states::add);
        client.addChangeListener(changes::add);
        thread.runReady();
    }

    @AfterEach
    void stop() {
        client.close();
        masters.forEach(FakeMaster::close);
    }

    /** A fake Meseta master: both streams. */
    private FakeMaster meseta() throws Exception {
        FakeMaster started = FakeMaster.start();
        started.answer(OPERATOR, Reply.stream());
        started.answer(OFFERS, Reply.stream());
        masters.add(started);
        return started;
    }

    private static MasterAddress address(FakeMaster of) {
        return MasterAddress.of(of.uri());
    }

    private static String snapshot(String... agentIds) {
        return json(subscribed(List.of(agentIds).stream().map(id -> agent(id, 2)).toList(), List.of(), List.of()));
    }

    /**
     * Waits until the client heard a stream open; the fake registers a stream before it answers, so records sent
     * from now on reach it.
     */
    private void awaitOpened() throws InterruptedException {
        thread.awaitArrivals(1);
    }

    /** Connects to {@code to} and lets both of its streams subscribe, with agents {@code agentIds}. */
    private void connectAndSubscribe(FakeMaster to, String... agentIds) throws Exception {
        client.connect(address(to));
        thread.runReady();
        subscribe(to, agentIds);
    }

    /** Lets the session under way subscribe on {@code on}. */
    private void subscribe(FakeMaster on, String... agentIds) throws Exception {
        awaitOpened();
        int offerStreams = on.streamsOpened(OFFERS);
        on.send(OPERATOR, snapshot(agentIds));
        thread.awaitArrivals(1);
        // The client asks for the offer stream now; it takes no notice of its opening.
        Eventually.await("the offer stream open", () -> on.streamsOpened(OFFERS) == offerStreams + 1);
        on.send(OFFERS, OFFERS_SUBSCRIBED);
        thread.awaitArrivals(1);
        thread.advance(SETTINGS.coalesceInterval());
    }

    private ConnectionState lastState() {
        return states.get(states.size() - 1);
    }

    private ClusterChange lastChange() {
        return changes.get(changes.size() - 1);
    }

    @Test
    void aSubscriptionIsConnectedWithTheSnapshotAsAReset() throws Exception {
        connectAndSubscribe(master, "S0", "S1");

        assertEquals(List.of(new ConnectionState.Disconnected(), new ConnectionState.Connecting(address(master)),
                new ConnectionState.Connected(address(master), address(master), Optional.empty())), states);
        ClusterChange subscribedChange = changes.stream().filter(c -> c.state().agents().size() == 2).findFirst()
                .orElseThrow();
        assertTrue(subscribedChange.reset());
        assertEquals(Set.of("S0", "S1"), subscribedChange.agents());
        assertTrue(lastChange().state().offersFollowed());
        assertEquals(Optional.of(address(master)), client.leader());
        assertEquals(lastChange().state(), client.cluster());
        FakeMaster.Received subscribe = master.received(OPERATOR).get(0);
        assertEquals(new FakeMaster.Received("POST", OPERATOR, "application/json", "application/json", null,
                "{\"type\":\"SUBSCRIBE\"}"), subscribe);
        assertEquals("GET", master.received(OFFERS).get(0).method());
    }

    @Test
    void eventsArrivingWithinOneIntervalAreToldAsOneChangeAtItsEnd() throws Exception {
        connectAndSubscribe(master, "S0");
        int before = changes.size();

        for (int i = 0; i < 3; i++) {
            master.send(OPERATOR, json(taskAdded(task("F", "T" + i, "S0", TaskState.TASK_RUNNING, 0.1, 1))));
        }
        thread.awaitArrivals(3);
        thread.advance(SETTINGS.coalesceInterval().minusMillis(1));
        assertEquals(before, changes.size(), "nothing told before the interval is over");

        thread.advance(Duration.ofMillis(1));

        assertEquals(before + 1, changes.size());
        assertEquals(Set.of("S0"), lastChange().agents());
        assertEquals(3, lastChange().tasks().size());
        assertEquals(3, lastChange().state().agents().get("S0").tasks().size());
    }

    @Test
    void aClosedStreamIsReconnectedAfterADoublingBackOffWithANewSnapshot() throws Exception {
        connectAndSubscribe(master, "S0");

        master.endStreams(OPERATOR);
        thread.awaitArrivals(1);
        ConnectionState.Unreachable lost = assertInstanceOf(ConnectionState.Unreachable.class, lastState());
        assertEquals("the master closed the stream", lost.reason());
        assertEquals(SETTINGS.firstRetryDelay(), lost.retryIn());
        assertEquals(List.of(SETTINGS.firstRetryDelay()), thread.pendingDelays(), "only the retry is pending");
        assertEquals(Set.of("S0"), client.cluster().agents().keySet(), "the last model stays visible");

        thread.advance(SETTINGS.firstRetryDelay());
        awaitOpened();
        master.endStreams(OPERATOR);
        thread.awaitArrivals(1);
        assertEquals(Duration.ofSeconds(6), ((ConnectionState.Unreachable) lastState()).retryIn(), "doubled");

        thread.advance(Duration.ofSeconds(6));
        subscribe(master, "S7");
        assertEquals(new ConnectionState.Connected(address(master), address(master), Optional.empty()), lastState());
        assertEquals(Set.of("S7"), client.cluster().agents().keySet());
        assertEquals(3, master.received(OPERATOR).size());
    }

    @Test
    void aSilentStreamIsGivenUpAfterFiveHeartbeatIntervalsButHeartbeatsKeepItAlive() throws Exception {
        connectAndSubscribe(master, "S0");

        thread.advance(SILENCE_LIMIT.minusSeconds(1));
        master.send(OPERATOR, HEARTBEAT);
        thread.awaitArrivals(1);
        master.send(OFFERS, HEARTBEAT);
        thread.awaitArrivals(1);
        thread.advance(SILENCE_LIMIT.minusSeconds(1));
        assertInstanceOf(ConnectionState.Connected.class, lastState());

        thread.advance(Duration.ofSeconds(1));

        assertEquals(new ConnectionState.Unreachable(address(master), "the event stream was silent for 75 s",
                SETTINGS.firstRetryDelay()), lastState());
    }

    @Test
    void aRedirectIsFollowedToTheLeaderWhichAlsoServesTheOfferStream() throws Exception {
        FakeMaster leader = meseta();
        master.answer(OPERATOR, Reply.redirectTo(leader.uri(), OPERATOR));

        client.connect(address(master));
        thread.runReady();
        subscribe(leader, "S0");

        assertEquals(new ConnectionState.Connected(address(master), address(leader), Optional.empty()), lastState());
        assertEquals("Connected to " + address(master) + " (leader " + address(leader) + ")",
                lastState().describe());
        assertEquals(List.of(), master.received(OFFERS));
        assertEquals(Optional.of(address(leader)), client.leader());
    }

    @Test
    void aNewLeaderAfterAReconnectionIsReported() throws Exception {
        connectAndSubscribe(master, "S0");
        FakeMaster next = meseta();
        master.answer(OPERATOR, Reply.redirectTo(next.uri(), OPERATOR));

        master.endStreams(OPERATOR);
        thread.awaitArrivals(1);
        thread.advance(SETTINGS.firstRetryDelay());
        subscribe(next, "S1");

        ConnectionState.Connected connected = assertInstanceOf(ConnectionState.Connected.class, lastState());
        assertEquals(Optional.of(address(master)), connected.previousLeader());
        assertTrue(connected.leaderChanged());
        assertTrue(connected.describe().endsWith(" · leader changed from " + address(master)),
                connected.describe());
    }

    @Test
    void aMasterWithoutTheOfferStreamIsFollowedWithoutOffers() throws Exception {
        master.answer(OFFERS, Reply.status(404, "No such endpoint"));
        client.connect(address(master));
        thread.runReady();
        awaitOpened();
        master.send(OPERATOR, snapshot("S0"));
        thread.awaitArrivals(2);
        thread.advance(SETTINGS.coalesceInterval());

        assertInstanceOf(ConnectionState.Connected.class, lastState());
        assertFalse(client.cluster().offersFollowed());
        assertEquals(Set.of("S0"), client.cluster().agents().keySet());
        assertEquals(List.of(SILENCE_LIMIT.minus(SETTINGS.coalesceInterval())), thread.pendingDelays(),
                "only the event stream is watched");
    }

    @Test
    void aStreamNotStartingWithSubscribedOrHoldingGarbageIsAProtocolError() throws Exception {
        client.connect(address(master));
        thread.runReady();
        awaitOpened();
        master.send(OPERATOR, json(ClusterEvents.heartbeat()));
        thread.awaitArrivals(1);
        assertEquals(new ConnectionState.ProtocolError(address(master),
                "the event stream began with HEARTBEAT instead of SUBSCRIBED", SETTINGS.firstRetryDelay()),
                lastState());

        thread.advance(SETTINGS.firstRetryDelay());
        awaitOpened();
        master.send(OPERATOR, "{\"type\":\"SUBSCRIBED\",\"subscribed\":");
        thread.awaitArrivals(1);
        ConnectionState.ProtocolError garbage = assertInstanceOf(ConnectionState.ProtocolError.class, lastState());
        assertTrue(garbage.reason().startsWith("malformed event: "), garbage.reason());
    }

    @Test
    void anHttpErrorIsAProtocolErrorWithTheMastersMessageAndAStoppedMasterIsUnreachable() throws Exception {
        master.answer(OPERATOR, Reply.status(503, "Master has not finished recovery\nmore detail"));
        client.connect(address(master));
        thread.runReady();
        thread.awaitArrivals(1);
        assertEquals(new ConnectionState.ProtocolError(address(master), "HTTP 503: Master has not finished recovery",
                SETTINGS.firstRetryDelay()), lastState());

        master.stop();
        thread.advance(SETTINGS.firstRetryDelay());
        thread.awaitArrivals(1);
        assertEquals(new ConnectionState.Unreachable(address(master), "connection refused", Duration.ofSeconds(6)),
                lastState());
    }

    @Test
    void switchingMastersEmptiesTheModelAndIgnoresTheOldMaster() throws Exception {
        connectAndSubscribe(master, "S0");
        FakeMaster other = meseta();

        client.connect(address(other));
        thread.runReady();
        ClusterChange emptied = lastChange();
        master.send(OPERATOR, json(taskAdded(task("F", "late", "S0", TaskState.TASK_RUNNING, 1, 1))));
        subscribe(other, "S5");

        assertTrue(emptied.reset());
        assertEquals(ClusterState.EMPTY, emptied.state());
        assertEquals(Set.of("S5"), client.cluster().agents().keySet());
        assertEquals(new ConnectionState.Connected(address(other), address(other), Optional.empty()), lastState());
    }

    @Test
    void resyncTakesANewSnapshotWithoutLeavingTheConnectedState() throws Exception {
        connectAndSubscribe(master, "S0");
        int statesBefore = states.size();

        client.resync();
        thread.runReady();
        subscribe(master, "S0", "S1");

        assertEquals(statesBefore, states.size(), "still connected to the same leader: nothing to tell");
        assertEquals(Set.of("S0", "S1"), client.cluster().agents().keySet());
        assertEquals(2, master.received(OPERATOR).size());
    }

    @Test
    void disconnectEmptiesTheModelAndLeavesNothingPending() throws Exception {
        connectAndSubscribe(master, "S0");

        client.disconnect();
        thread.runReady();

        assertEquals(new ConnectionState.Disconnected(), lastState());
        assertEquals(ClusterState.EMPTY, client.cluster());
        assertEquals(Optional.empty(), client.leader());
        assertEquals(List.of(), thread.pendingDelays());
    }

    @Test
    void closeStopsTheThreadAndRefusesNewConnections() throws Exception {
        connectAndSubscribe(master, "S0");

        client.close();

        assertTrue(thread.isShutdown());
        assertEquals(List.of(), thread.pendingDelays());
        assertThrows(IllegalStateException.class, () -> client.connect(address(master)));
        client.close();
    }

    @Test
    void credentialsGoWithBothStreamsAsBasicAuthentication() throws Exception {
        Credentials alice = new Credentials("alice", "s3cret");
        master.requireCredentials("alice", "s3cret");

        client.connect(MasterLocation.of(address(master)), Optional.of(alice));
        thread.runReady();
        subscribe(master, "S0");

        assertInstanceOf(ConnectionState.Connected.class, lastState());
        assertEquals("Basic YWxpY2U6czNjcmV0", master.received(OPERATOR).get(0).authorization());
        assertEquals("Basic YWxpY2U6czNjcmV0", master.received(OFFERS).get(0).authorization());
        assertEquals(Optional.of(alice), client.credentials());
    }

    @Test
    void aMasterRefusingTheCredentialsIsNotAskedAgainWithThem() throws Exception {
        master.requireCredentials("alice", "s3cret");

        client.connect(address(master));
        thread.runReady();
        thread.awaitArrivals(1);
        assertEquals(new ConnectionState.Unauthorized(MasterLocation.of(address(master)), Optional.empty(),
                "HTTP 401"), lastState());
        assertEquals("Master " + address(master) + " requires credentials (HTTP 401) · connect again with a user and "
                + "password", lastState().describe());
        assertEquals(List.of(), thread.pendingDelays(), "no retry");

        Credentials wrong = new Credentials("alice", "guess");
        client.connect(MasterLocation.of(address(master)), Optional.of(wrong));
        thread.runReady();
        thread.awaitArrivals(1);
        assertEquals(new ConnectionState.Unauthorized(MasterLocation.of(address(master)), Optional.of(wrong),
                "HTTP 401"), lastState());
        assertTrue(lastState().describe().contains("refused the credentials of 'alice'"), lastState().describe());
        assertEquals(List.of(), thread.pendingDelays(), "no retry");
    }

    @Test
    void aZooKeeperGroupIsFollowedToWhicheverMasterItNamesLeader() throws Exception {
        MasterLocation group = MasterLocation.parse("zk://127.0.0.1:2181/mesos");
        client.connect(group, Optional.empty());
        thread.runReady();
        assertEquals(new ConnectionState.Connecting(group), lastState());
        assertEquals("/mesos", leaders.latest().url.path());
        assertEquals(0, master.streamsOpened(OPERATOR), "nothing to subscribe to before a leader is named");

        leaders.name(Optional.of(address(master)));
        thread.runReady();
        subscribe(master, "S0");
        assertEquals(new ConnectionState.Connected(group, address(master), Optional.empty()), lastState());
        assertEquals("Connected to zk://127.0.0.1:2181/mesos (leader " + address(master) + ")",
                lastState().describe());

        FakeMaster next = meseta();
        leaders.name(Optional.of(address(next)));
        thread.runReady();
        subscribe(next, "S0", "S1");
        ConnectionState.Connected failedOver = assertInstanceOf(ConnectionState.Connected.class, lastState());
        assertEquals(address(next), failedOver.leader());
        assertEquals(Optional.of(address(master)), failedOver.previousLeader());
        assertEquals(Optional.of(address(next)), client.leader());
        assertEquals(Set.of("S0", "S1"), client.cluster().agents().keySet());
        assertEquals(1, master.received(OPERATOR).size(), "the old leader is not asked again");
    }

    @Test
    void aGroupWithoutLeaderKeepsTheLastModelAndWaitsForOne() throws Exception {
        MasterLocation group = MasterLocation.parse("zk://127.0.0.1:2181/mesos");
        client.connect(group, Optional.empty());
        thread.runReady();
        leaders.name(Optional.of(address(master)));
        thread.runReady();
        subscribe(master, "S0");

        leaders.name(Optional.empty());
        thread.runReady();

        assertEquals(new ConnectionState.NoLeader(group), lastState());
        assertEquals("No leading master in zk://127.0.0.1:2181/mesos · waiting for ZooKeeper to name one",
                lastState().describe());
        assertEquals(Set.of("S0"), client.cluster().agents().keySet());
        assertEquals(List.of(), thread.pendingDelays(), "no retry: the next leader is awaited");
        assertEquals(Optional.empty(), client.leader());
    }

    @Test
    void theGroupIsNoLongerWatchedOnceTheClientMovesOnOrCloses() throws Exception {
        client.connect(MasterLocation.parse("zk://127.0.0.1:2181/a"), Optional.empty());
        thread.runReady();
        ManualLeaders.ManualWatch first = leaders.latest();

        client.connect(MasterLocation.parse("zk://127.0.0.1:2181/b"), Optional.empty());
        thread.runReady();
        first.listener.accept(Optional.of(address(master)));
        thread.runReady();

        assertTrue(first.closed);
        assertEquals(0, master.streamsOpened(OPERATOR), "a report of the first watch is ignored");
        client.close();
        assertTrue(leaders.latest().closed);
    }
}
