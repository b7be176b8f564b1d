package org.meseta.agent.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.agent.internal.http.AgentRoutes;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpServer;
import org.meseta.http.HttpServerException;
import org.meseta.http.HttpServerOptions;
import org.meseta.http.HttpTransport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@code agent} daemon: one {@link Agent} behind an HTTP server per {@link #start}. */
@Component(property = Daemon.NAME_PROPERTY + "=agent")
public final class AgentDaemon implements Daemon {

    private static final System.Logger LOG = System.getLogger(AgentDaemon.class.getName());

    private final Set<Running> started = ConcurrentHashMap.newKeySet();

    @Override
    public String summary() {
        return "Runs a Meseta agent: it registers with the master and offers this machine's resources.";
    }

    @Override
    public List<Flag<?>> flags() {
        return AgentFlags.ALL;
    }

    @Override
    public Running start(Flags flags) throws DaemonException {
        AgentConfig config = AgentFlags.config(flags);
        createWorkDir(config);
        Resources total = totalResources(config);
        AgentInfo info = agentInfo(config, total);
        HttpTransport transport = HttpTransport.create("agent-http", 2);
        HttpClient client = new HttpClient(transport, HttpClientOptions.defaults());
        Agent agent = new Agent(config, info, total, client, Clock.systemUTC());
        HttpServer server;
        try {
            server = HttpServer.start(transport, config.endpoint().bindAddress(), AgentRoutes.router(agent),
                    HttpServerOptions.defaults());
        } catch (HttpServerException e) {
            agent.close();
            client.close();
            transport.close();
            throw new DaemonException(e.getMessage(), e);
        }
        agent.start();
        LOG.log(System.Logger.Level.INFO, "Agent {0} started on {1} with {2}; registering with master {3}",
                agent.pid(), config.endpoint().address(), total, config.master());
        Running running = new Running() {
            @Override
            public String endpoint() {
                return config.endpoint().address();
            }

            @Override
            public void close() {
                if (started.remove(this)) {
                    LOG.log(System.Logger.Level.INFO, "Agent {0} stopping", agent.pid());
                    agent.close();
                    server.close();
                    client.close();
                    transport.close();
                }
            }
        };
        started.add(running);
        return running;
    }

    @Deactivate
    void deactivate() {
        List.copyOf(started).forEach(Running::close);
    }

    private static void createWorkDir(AgentConfig config) throws DaemonException {
        try {
            Files.createDirectories(config.workDir());
        } catch (IOException e) {
            throw new DaemonException("Cannot create --work_dir " + config.workDir() + ": " + e.getMessage(), e);
        }
    }

    private static Resources totalResources(AgentConfig config) throws DaemonException {
        try {
            return ResourceDetector.detect(config.resources(), config.workDir(), new ResourceDetector.LinuxHost());
        } catch (ResourceParseException e) {
            throw new DaemonException("Invalid --resources: " + e.getMessage(), e);
        }
    }

    private static AgentInfo agentInfo(AgentConfig config, Resources total) throws DaemonException {
        AgentInfo.Builder info = AgentInfo.newBuilder()
                .setHostname(config.endpoint().hostname())
                .setPort(config.endpoint().advertisedPort())
                .addAllResources(total.toList());
        try {
            info.addAllAttributes(Attributes.parse(config.attributes().orElse("")));
        } catch (ResourceParseException e) {
            throw new DaemonException("Invalid --attributes: " + e.getMessage(), e);
        }
        return info.build();
    }
}
