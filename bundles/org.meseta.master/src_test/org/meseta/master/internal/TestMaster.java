package org.meseta.master.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.flags.FlagParser;
import org.meseta.daemon.Daemon;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.meseta.testing.Http;
import org.meseta.testing.JsonTree;
import org.meseta.testing.Ports;

/**
 * A real master started through {@link MasterDaemon} from a command line, listening on 127.0.0.1 on a free port
 * with {@code --hostname=}{@value #HOSTNAME}, and the agents that tests {@linkplain #subscribe subscribe} to it.
 * {@link #close()} drops those agents' links and stops the master. Used by one test thread.
 */
final class TestMaster implements AutoCloseable {

    static final String HOSTNAME = "meseta-master.test";

    final int port;
    private final Daemon.Running running;
    private final List<LinkSession> links = new ArrayList<>();
    private final List<SchedulerSession> frameworks = new ArrayList<>();
    private final List<OperatorStream> operators = new ArrayList<>();
    private final List<OfferStreamSession> offerStreams = new ArrayList<>();
    /** For the agent links; created with the first one. */
    private HttpTransport transport;
    private HttpClient client;

    private TestMaster(int port, Daemon.Running running) {
        this.port = port;
        this.running = running;
    }

    /** Starts a master; {@code flags} are added to {@code --ip}, {@code --port}, {@code --work_dir}, {@code --hostname}. */
    static TestMaster start(Path workDir, String... flags) throws Exception {
        return start(Ports.free(), workDir, flags);
    }

    static TestMaster start(int port, Path workDir, String... flags) throws Exception {
        List<String> args = new ArrayList<>(List.of("--ip=127.0.0.1", "--port=" + port, "--work_dir=" + workDir,
                "--hostname=" + HOSTNAME));
        args.addAll(List.of(flags));
        return new TestMaster(port, new MasterDaemon().start(FlagParser.parse(MasterFlags.ALL, args)));
    }

    URI uri(String target) {
        return URI.create("http://127.0.0.1:" + port + target);
    }

    String endpoint() {
        return running.endpoint();
    }

    /** The status the master's process would exit with once it ended by itself (it lost its leadership). */
    CompletionStage<Integer> exitStatus() {
        return running.exitStatus();
    }

    /** The parsed {@code /state} document. */
    Map<String, Object> state() throws Exception {
        return Http.getJson(uri("/state"));
    }

    /** This master's id, as {@code /state} reports it. */
    String id() throws Exception {
        return JsonTree.string(state(), "id");
    }

    /** The {@code slaves[]} entry with this id. */
    Map<String, Object> slave(String agentId) throws Exception {
        return JsonTree.objects(state(), "slaves").stream()
                .filter(slave -> agentId.equals(slave.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no slave " + agentId + " in /state"));
    }

    /** The {@code frameworks[]} entry with this id in {@code /state}. */
    Map<String, Object> frameworkJson(String frameworkId) throws Exception {
        return JsonTree.objects(state(), "frameworks").stream()
                .filter(framework -> frameworkId.equals(framework.get("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no framework " + frameworkId + " in /state"));
    }

    boolean isActive(String agentId) throws Exception {
        return JsonTree.bool(slave(agentId), "active");
    }

    /** Opens an agent link to this master as an agent subscribing with {@code subscribe}; closed with the master. */
    LinkSession subscribe(AgentSubscribe subscribe) {
        LinkSession link = LinkSession.open(this, client(), subscribe);
        links.add(link);
        return link;
    }

    /** An agent with {@link LinkSession#subscription(String, int)}'s resources, subscribed and registered. */
    LinkSession agent() throws Exception {
        LinkSession agent = subscribe(LinkSession.subscription(null, Ports.free()));
        agent.registered();
        return agent;
    }

    /** Subscribes a framework with {@code info} over the scheduler API in {@code mediaType}; closed with the master. */
    SchedulerSession framework(String mediaType, FrameworkInfo info) {
        return framework("/api/v1/scheduler", mediaType, info);
    }

    /** As {@link #framework(String, FrameworkInfo)}, at {@code path}, e.g. the alias {@code /master/api/v1/scheduler}. */
    SchedulerSession framework(String path, String mediaType, FrameworkInfo info) {
        SchedulerSession session = SchedulerSession.subscribe(client(), uri(path), mediaType, info);
        frameworks.add(session);
        return session;
    }

    /** Subscribes to the operator event stream in {@code mediaType}; closed with the master. */
    OperatorStream operatorStream(String mediaType) {
        OperatorStream stream = new OperatorStream(client(), uri("/api/v1"), mediaType);
        operators.add(stream);
        return stream;
    }

    /** Subscribes to Meseta's offer stream; closed with the master. */
    OfferStreamSession offerStream() {
        OfferStreamSession stream = new OfferStreamSession(client(), uri("/api/v1/meseta/offers"));
        offerStreams.add(stream);
        return stream;
    }

    private HttpClient client() {
        if (client == null) {
            transport = HttpTransport.create("test-master-clients", 1);
            client = new HttpClient(transport, HttpClientOptions.defaults());
        }
        return client;
    }

    @Override
    public void close() {
        frameworks.forEach(SchedulerSession::close);
        operators.forEach(OperatorStream::close);
        offerStreams.forEach(OfferStreamSession::close);
        links.forEach(LinkSession::close);
        running.close();
        if (client != null) {
            client.close();
            transport.close();
        }
    }
}
