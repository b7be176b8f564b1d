package org.meseta.master.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.allocator.drf.internal.DrfSorterFactory;
import org.meseta.allocator.drf.internal.HierarchicalAllocatorFactory;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.flags.FlagParser;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpTransport;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.election.Election;
import org.meseta.master.internal.election.Leadership;
import org.meseta.master.internal.http.MasterRoutes;
import org.meseta.registry.FileRegistryStore;
import org.meseta.testing.Ports;
import org.meseta.tests.benchmark.Figures;

/**
 * A master with many registered agents: its memory and the latency of {@code /master/state}. The master runs in
 * this JVM, made as {@link MasterDaemon} makes it (the hierarchical allocator, its HTTP routes on a loopback port),
 * and the agents are admitted through {@link Master#subscribe} with links that drop what the master sends them:
 * a real agent link is one HTTP stream, and 50,000 of them need more file descriptors than a process may open on
 * the machines this runs on. {@code /master/state} is then read over real HTTP. Prints figures only.
 *
 * <pre>--agents=50000 --requests=10</pre>
 */
public final class MasterScaleBenchmark {

    private static final String AGENT_RESOURCES = "cpus:24;mem:4096;disk:4096;ports:[31000-32000]";

    private MasterScaleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Figures.options(args, Set.of("agents", "requests"));
        int agents = Integer.parseInt(options.getOrDefault("agents", "50000"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "10"));
        System.out.printf("Master scale benchmark: %,d agents of %s, %d reads of /master/state%n", agents,
                AGENT_RESOURCES, requests);
        // The master logs each admitted agent; at this scale only warnings are worth printing.
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        Memory before = Memory.measure();
        Path workDir = Files.createTempDirectory("meseta-scale");
        int port = Ports.free();
        MasterConfig config = MasterFlags.config(FlagParser.parse(MasterFlags.ALL, List.of("--ip=127.0.0.1",
                "--port=" + port, "--work_dir=" + workDir, "--agent_ping_timeout=10mins")));
        MasterInfo info = MasterDaemon.masterInfo(config.endpoint());
        Leadership leadership = new Leadership(info);
        ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
        try (HttpTransport transport = HttpTransport.create("scale-http", 2);
                Master master = new Master(config, info, Clock.systemUTC(),
                        new HierarchicalAllocatorFactory().create(new AllocatorOptions(Clock.systemUTC(),
                                config.allocation().minAllocatable(), new DrfSorterFactory(),
                                new DrfSorterFactory(), Set.of())));
                Election election = Election.standalone(leadership, master,
                        new FileRegistryStore(workDir.resolve(MasterDaemon.REGISTRY_DIR)));
                HttpServer server = config.endpoint().serve(transport, MasterRoutes.router(master, leadership,
                        config, FileAttachments.fixed(Map.of(), reads)))) {
            DroppedLinks links = new DroppedLinks();
            long start = System.nanoTime();
            admit(master, agents, links);
            System.out.printf("admitted %,d agents in %.0f ms (%,d bytes sent down their links)%n", agents,
                    Figures.millis(System.nanoTime() - start), links.bytes.get());
            Memory after = Memory.measure();
            System.out.printf("heap in use after a full collection: %,d MiB (%,d MiB before the master started)%n",
                    after.heapMib, before.heapMib);
            System.out.printf("resident set size: %,d MiB (%,d MiB before the master started)%n", after.rssMib,
                    before.rssMib);
            readState(URI.create("http://127.0.0.1:" + port + "/master/state"), requests);
        } finally {
            reads.shutdownNow();
        }
    }

    private static void admit(Master master, int agents, DroppedLinks links) throws Exception {
        Resources total = Resources.parse(AGENT_RESOURCES, "*");
        List<CompletableFuture<AgentID>> admitted = new ArrayList<>(agents);
        for (int i = 0; i < agents; i++) {
            AgentInfo info = AgentInfo.newBuilder().setHostname("agent-" + i + ".scale")
                    .setPort(5051).addAllResources(total.toList())
                    .addAllAttributes(Attributes.parse("rack:r" + (i % 100) + ";zone:z" + (i % 3)))
                    .build();
            admitted.add(master.subscribe(new AgentSubscribe(info, "slave(1)@10." + (i >> 16) + "."
                    + ((i >> 8) & 0xff) + "." + (i & 0xff) + ":5051", "1.11.0"), total, links.open()));
        }
        CompletableFuture.allOf(admitted.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    }

    private static void readState(URI uri, int requests) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(uri).build();
        long start = System.nanoTime();
        HttpResponse<byte[]> first = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("/master/state: HTTP %d, %,d bytes; first read %.0f ms%n", first.statusCode(),
                first.body().length, Figures.millis(System.nanoTime() - start));
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            start = System.nanoTime();
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = Figures.millis(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("/master/state answered " + response.statusCode());
            }
        }
        System.out.printf("/master/state over %d more reads: median %.0f ms, max %.0f ms%n", requests,
                Figures.median(millis), Figures.max(millis));
    }

    /** Agent links that accept and count what the master writes, as a live agent's stream would. */
    private static final class DroppedLinks {

        final AtomicLong bytes = new AtomicLong();

        ResponseStream open() {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            return new ResponseStream() {
                @Override
                public CompletableFuture<Void> write(byte[] chunk) {
                    bytes.addAndGet(chunk.length);
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void close() {
                    closed.complete(null);
                }

                @Override
                public CompletableFuture<Void> closeFuture() {
                    return closed;
                }

                @Override
                public boolean isOpen() {
                    return !closed.isDone();
                }
            };
        }
    }

    /** The JVM's heap in use after a full collection and its resident set size. */
    private record Memory(long heapMib, long rssMib) {

        static Memory measure() throws IOException {
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
            long rssKib = Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1);
            return new Memory(heap, rssKib >> 10);
        }
    }
}
