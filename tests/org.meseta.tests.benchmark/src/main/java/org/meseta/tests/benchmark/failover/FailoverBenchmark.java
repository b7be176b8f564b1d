package org.meseta.tests.benchmark.failover;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.apache.mesos.v1.Protos.Offer;
import org.apache.mesos.v1.scheduler.Protos.Event;
import org.meseta.api.flags.StoutDuration;
import org.meseta.testing.Ports;
import org.meseta.testing.TestZooKeeper;
import org.meseta.tests.benchmark.Figures;
import org.meseta.tests.v1client.SchedulerClient;
import org.meseta.tests.v1client.Wire;
import org.meseta.zk.LeaderFollower;
import org.meseta.zk.ZkUrl;

/**
 * The failover of issue 6, point 8: three masters as processes electing their leader in a ZooKeeper server that runs
 * in this JVM, agents simulated in this JVM on the real agent link (one HTTP stream each, as a Meseta agent's) that
 * report a framework's running tasks, and that framework, subscribed with the independent v1 client. Each round
 * kills the leading master with SIGKILL and measures, from the kill: when the new leader is seen in ZooKeeper, when
 * every agent is registered with it again, and when offers flow again (the framework, subscribed again with its id,
 * gets its first offer, then offers of every agent). The killed master is then started again, as a supervisor would,
 * for the next round. Prints figures only; it asserts nothing about them.
 *
 * <p>The agents learn of the new leader from one ZooKeeper session of this JVM rather than one session each, then
 * subscribe after their own random backoff, as agents following ZooKeeper do.
 *
 * <pre>--agents=1000 --tasks=10000 --rounds=3 --zk_session_timeout=2secs --backoff=1secs --work_dir=DIR</pre>
 */
public final class FailoverBenchmark {

    private static final int MASTERS = 3;
    private static final String GROUP = "/mesos";
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final Pattern METRIC = Pattern.compile("\"(master/[a-z_]+)\":([0-9.]+)");

    private final TestZooKeeper zk;
    private final MasterProcesses masters;
    private final Leaders leaders;
    private final AgentFleet fleet;
    private final int agents;
    private FrameworkInfo framework;
    private SchedulerClient scheduler;

    private FailoverBenchmark(TestZooKeeper zk, MasterProcesses masters, Leaders leaders, AgentFleet fleet,
            int agents, FrameworkInfo framework, SchedulerClient scheduler) {
        this.zk = zk;
        this.masters = masters;
        this.leaders = leaders;
        this.fleet = fleet;
        this.agents = agents;
        this.framework = framework;
        this.scheduler = scheduler;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Figures.options(args, Set.of("agents", "tasks", "rounds", "zk_session_timeout",
                "backoff", "work_dir"));
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int agents = Integer.parseInt(options.getOrDefault("agents", "1000"));
        int tasks = Integer.parseInt(options.getOrDefault("tasks", "10000"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        Duration session = StoutDuration.parse(options.getOrDefault("zk_session_timeout", "2secs"));
        Duration backoff = StoutDuration.parse(options.getOrDefault("backoff", "1secs"));
        Path workDir = Path.of(options.getOrDefault("work_dir",
                Files.createTempDirectory("meseta-failover").toString()));
        System.out.printf("Failover benchmark: %d masters (processes), %,d simulated agents, %,d tasks, %d rounds;"
                + " ZooKeeper session timeout %s, agents' registration backoff factor %s; logs in %s%n", MASTERS,
                agents, tasks, rounds, StoutDuration.format(session), StoutDuration.format(backoff), workDir);
        // The server's own chatter is of no use here.
        java.util.logging.Logger.getLogger("org.apache.zookeeper").setLevel(java.util.logging.Level.WARNING);
        try (TestZooKeeper zk = TestZooKeeper.start();
                MasterProcesses masters = MasterProcesses.start(root, workDir, MASTERS, Ports.freeRun(MASTERS),
                        List.of("--zk=" + zk.url(GROUP), "--quorum=2",
                                "--zk_session_timeout=" + session.toMillis() + "ms"));
                Leaders leaders = Leaders.follow(zk.url(GROUP), session)) {
            long start = System.nanoTime();
            MasterInfo leader = leaders.await(Optional.empty()).info();
            FrameworkInfo framework = SchedulerClient.framework("failover-benchmark").toBuilder()
                    .setFailoverTimeout(3600).build();
            SchedulerClient scheduler = subscribe(leader, framework, () -> { });
            framework = framework.toBuilder().setId(scheduler.id()).build();
            try (AgentFleet fleet = new AgentFleet(agents, tasks, framework, backoff)) {
                fleet.leaderChanged(leader);
                fleet.awaitRegistered(leader.getPid(), WAIT, () -> { });
                awaitOffers(scheduler, agents);
                System.out.printf("set up in %.1f s: %s leads with %s%n", (System.nanoTime() - start) / 1e9,
                        leader.getPid(), metrics(leader));
                FailoverBenchmark benchmark = new FailoverBenchmark(zk, masters, leaders, fleet, agents, framework,
                        scheduler);
                List<double[]> figures = new ArrayList<>();
                try {
                    for (int round = 0; round < rounds; round++) {
                        figures.add(benchmark.round(round + 1, leader));
                        leader = leaders.current();
                    }
                } catch (LeadershipMoved moved) {
                    System.out.printf("round %d not counted: %s%n", figures.size() + 1, moved.getMessage());
                }
                summarize(figures.toArray(double[][]::new));
                benchmark.scheduler.close();
            }
        }
    }

    /**
     * Kills the leader, measures the failover, and starts the killed master again. Returns, in ms from the kill: the
     * new leader seen, every agent re-registered, the first offer, offers of every agent.
     */
    private double[] round(int round, MasterInfo leader) throws Exception {
        int killed = masters.index(leader.getPort());
        long kill = System.nanoTime();
        masters.kill(killed);
        Leaders.Seen seen = leaders.await(Optional.of(leader.getPid()));
        MasterInfo next = seen.info();
        fleet.leaderChanged(next);
        Runnable stillLeads = () -> leaders.ensureStill(next);
        scheduler.close();
        scheduler = subscribe(next, framework, stillLeads);
        long subscribed = System.nanoTime();
        // Taken as they come, while the agents re-register.
        SchedulerClient subscription = scheduler;
        CompletableFuture<Offers> offered = CompletableFuture.supplyAsync(() -> awaitOffers(subscription, agents),
                Executors.newVirtualThreadPerTaskExecutor());
        long[] registered = fleet.awaitRegistered(next.getPid(), WAIT, stillLeads);
        Offers offers = offered.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        double[] sinceKill = Arrays.stream(registered).mapToDouble(at -> Figures.millis(at - kill)).sorted()
                .toArray();
        double detected = Figures.millis(seen.nanoTime() - kill);
        double allRegistered = sinceKill[sinceKill.length - 1];
        System.out.printf("round %d: killed %s; from the kill (ms):%n", round, leader.getPid());
        System.out.printf("  new leader %s seen in ZooKeeper   %,8.0f%n", next.getPid(), detected);
        System.out.printf("  framework subscribed again          %,8.0f%n", Figures.millis(subscribed - kill));
        System.out.printf("  agents re-registered: first %,.0f, median %,.0f, all %,.0f (%,.0f after the new leader"
                + " was seen)%n", sinceKill[0], Figures.median(sinceKill), allRegistered, allRegistered - detected);
        System.out.printf("  offers flowing: first offer %,.0f, offers of every agent %,.0f%n",
                Figures.millis(offers.first() - kill), Figures.millis(offers.all() - kill));
        System.out.printf("  the new leader: %s%n", metrics(next));
        masters.restart(killed);
        awaitMembers();
        return new double[] {detected, allRegistered, Figures.millis(offers.first() - kill),
            Figures.millis(offers.all() - kill)};
    }

    /** Waits until the group has a member per master again: the restarted master contends. */
    private void awaitMembers() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (zk.children(GROUP).stream().filter(child -> child.startsWith("json.info_")).count() < MASTERS) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The restarted master did not contend within " + WAIT);
            }
            Thread.sleep(100);
        }
    }

    private static void summarize(double[][] rounds) {
        String[] names = {"new leader seen", "every agent re-registered", "first offer", "offers of every agent"};
        System.out.printf("median of %d rounds, ms from the kill:%n", rounds.length);
        for (int i = 0; i < names.length; i++) {
            int column = i;
            System.out.printf("  %-27s %,8.0f (max %,.0f)%n", names[i],
                    Figures.median(Arrays.stream(rounds).mapToDouble(round -> round[column]).toArray()),
                    Figures.max(Arrays.stream(rounds).mapToDouble(round -> round[column]).toArray()));
        }
    }

    /**
     * Subscribes {@code framework} to {@code master}, again while it is not ready to serve yet; {@code stillLeads}
     * throws {@link LeadershipMoved} once another master leads.
     */
    private static SchedulerClient subscribe(MasterInfo master, FrameworkInfo framework, Runnable stillLeads)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                return SchedulerClient.subscribe(address(master), Wire.PROTOBUF, framework);
            } catch (AssertionError | IOException refused) {
                stillLeads.run();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Master " + master.getPid() + " did not take the framework",
                            refused);
                }
                Thread.sleep(10);
            }
        }
    }

    /** When the framework's first offer came, and when offers of every one of {@code agents} agents had come. */
    private record Offers(long first, long all) {}

    /** The leadership moved again during a round (the new leader lost it): the round cannot be measured. */
    static final class LeadershipMoved extends RuntimeException {
        LeadershipMoved(String message) {
            super(message);
        }
    }

    private static Offers awaitOffers(SchedulerClient scheduler, int agents) {
        Set<String> offered = new HashSet<>();
        long first = 0;
        while (offered.size() < agents) {
            Event event;
            try {
                event = scheduler.next(WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for offers", e);
            }
            if (event.getType() == Event.Type.OFFERS) {
                if (first == 0) {
                    first = System.nanoTime();
                }
                for (Offer offer : event.getOffers().getOffersList()) {
                    offered.add(offer.getAgentId().getValue());
                }
            }
        }
        return new Offers(first, System.nanoTime());
    }

    private static String address(MasterInfo master) {
        return master.getAddress().getIp() + ":" + master.getPort();
    }

    /** The master's active agents and running tasks, from its {@code /metrics/snapshot}. */
    private static String metrics(MasterInfo master) throws Exception {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://" + address(master)
                + "/metrics/snapshot")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher metric = METRIC.matcher(body);
        double agents = -1;
        double tasks = -1;
        while (metric.find()) {
            switch (metric.group(1)) {
                case "master/slaves_active" -> agents = Double.parseDouble(metric.group(2));
                case "master/tasks_running" -> tasks = Double.parseDouble(metric.group(2));
                default -> { }
            }
        }
        return String.format("%,.0f agents active, %,.0f tasks running", agents, tasks);
    }

    /** The leaders ZooKeeper shows, as a detector of this JVM sees them, each with when it was seen. */
    private static final class Leaders implements AutoCloseable {

        /** A leader, and when ({@link System#nanoTime()}) it was seen. */
        record Seen(MasterInfo info, long nanoTime) {}

        private final BlockingQueue<Seen> seen = new LinkedBlockingQueue<>();
        private final ZkUrl url;
        private final LeaderFollower follower;
        private volatile Seen current;
        /** The last leader seen, whether {@link #await} took it yet or not. */
        private volatile MasterInfo latest;

        private Leaders(ZkUrl url, Duration session) {
            this.url = url;
            this.follower = LeaderFollower.start(url, session, leader -> leader.ifPresent(info -> {
                latest = info;
                seen.add(new Seen(info, System.nanoTime()));
            }));
        }

        static Leaders follow(String url, Duration session) {
            return new Leaders(ZkUrl.parse(url), session);
        }

        /** The next leader seen that is not the master with pid {@code not}. */
        Seen await(Optional<String> not) throws InterruptedException {
            while (true) {
                Seen next = seen.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    throw new IllegalStateException("No new leader within " + WAIT + " in " + url);
                }
                if (!Optional.of(next.info().getPid()).equals(not)) {
                    current = next;
                    return next;
                }
            }
        }

        MasterInfo current() {
            return current.info();
        }

        /** Throws {@link LeadershipMoved} if a master other than {@code leader} was seen leading since. */
        void ensureStill(MasterInfo leader) {
            MasterInfo now = latest;
            if (now != null && !now.getPid().equals(leader.getPid())) {
                throw new LeadershipMoved(leader.getPid() + " lost its leadership to " + now.getPid()
                        + " (see the masters' logs in the work directory)");
            }
        }

        @Override
        public void close() {
            follower.close();
        }
    }
}
