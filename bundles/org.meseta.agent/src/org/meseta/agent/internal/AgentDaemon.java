package org.meseta.agent.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.agent.internal.containerizer.Containerizer;
import org.meseta.agent.internal.containerizer.Isolation;
import org.meseta.agent.internal.containerizer.IsolationControl;
import org.meseta.agent.internal.containerizer.IsolationSettings;
import org.meseta.agent.internal.containerizer.SettingsFile;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.agent.internal.http.AgentRoutes;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Instances;
import org.meseta.daemon.LogFile;
import org.meseta.daemon.Teardown;
import org.meseta.daemon.WorkDir;
import org.meseta.http.HttpClient;
import org.meseta.http.HttpClientOptions;
import org.meseta.http.HttpTransport;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@code agent} daemon: one {@link Agent} behind an HTTP server per {@link #start}. */
@Component(property = Daemon.NAME_PROPERTY + "=agent")
public final class AgentDaemon implements Daemon {

    private static final System.Logger LOG = System.getLogger(AgentDaemon.class.getName());

    /** The file in {@code --log_dir} the agent writes its log to. */
    static final String LOG_FILE = "meseta-agent.log";
    /** The virtual path {@code /files} serves that file under, as in Mesos. */
    static final String LOG_PATH = "/slave/log";

    private final Instances instances = new Instances();

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
        return start(flags, AgentTimings.MESOS);
    }

    /** {@link #start(Flags)} with other timings, for tests. */
    Running start(Flags flags, AgentTimings timings) throws DaemonException {
        AgentConfig config = AgentFlags.config(flags);
        WorkDir.create(config.workDir());
        Resources total = totalResources(config);
        AgentCheckpoint checkpoint = new AgentCheckpoint(config.workDir());
        AgentInfo info = checkpoint.recover(agentInfo(config, total));
        if (info.hasId()) {
            total = checkpointedTotal(checkpoint).orElse(total);
        }
        AgentRecovery recovery = AgentRecovery.read(config, info, checkpoint);
        try (Teardown teardown = new Teardown()) {
            Optional<LogFile> log = Optional.empty();
            if (config.logDir().isPresent()) {
                log = Optional.of(teardown.own(LogFile.open(config.logDir().get(), LOG_FILE)));
            }
            String pid = config.endpoint().pid("slave(1)");
            HttpTransport transport = teardown.own(HttpTransport.create("agent-http", 2));
            HttpClient client = teardown.own(new HttpClient(transport, HttpClientOptions.defaults()));
            IsolationSettings settings = isolationSettings(config);
            Containerizer containerizer = teardown.own(Isolation.containerizer(settings.isolation(),
                    ContainerLauncher.detect(), settings.cgroups(config.cgroups().hierarchy())));
            recovery.apply(containerizer);
            if (config.recover() == AgentConfig.Recover.CLEANUP) {
                return cleanedUp(config, checkpoint);
            }
            IsolationControl isolation = new IsolationControl(containerizer, new SettingsFile(config.workDir()),
                    config.cgroups().hierarchy(), settings);
            Agent agent = teardown.own(new Agent(config, info, total, checkpoint, client, Clock.systemUTC(),
                    timings, containerizer, recovery.kept()));
            log.ifPresent(file -> agent.attachFile(LOG_PATH, file.path()));
            teardown.own(config.endpoint().serve(transport, AgentRoutes.router(agent, isolation)));
            agent.start();
            LOG.log(System.Logger.Level.INFO, "Agent {0} started with {1}, isolation {2}, processes started by {3};"
                    + " {4} with master {5}", pid, total, String.join(",", containerizer.isolation()),
                    containerizer.launcher().mechanism(),
                    info.hasId() ? "re-registering as " + info.getId().getValue() : "registering", config.master());
            return instances.adopt(config.endpoint().address(), "Agent " + pid, teardown);
        }
    }

    /**
     * {@code --recover=cleanup}: every executor left is killed; the agent forgets its id, so that it registers as a
     * new agent when it starts again, and exits.
     */
    private static Running cleanedUp(AgentConfig config, AgentCheckpoint checkpoint) throws DaemonException {
        checkpoint.forget();
        LOG.log(System.Logger.Level.INFO, "Cleaned up what the agent''s previous run left under {0} (--recover="
                + "cleanup); exiting", config.workDir());
        return new Running() {
            @Override
            public String endpoint() {
                return config.endpoint().address();
            }

            @Override
            public CompletionStage<Integer> exitStatus() {
                return CompletableFuture.completedStage(0);
            }

            @Override
            public void close() {
                // nothing runs
            }
        };
    }

    @Deactivate
    void deactivate() {
        instances.closeAll();
    }

    /** The flags' isolation settings, or those saved under the work_dir by an operator's change, which win. */
    private static IsolationSettings isolationSettings(AgentConfig config) throws DaemonException {
        SettingsFile file = new SettingsFile(config.workDir());
        IsolationSettings flags = IsolationSettings.of(config.isolation(), config.cgroups());
        Optional<IsolationSettings> saved = file.load(flags);
        saved.ifPresent(settings -> LOG.log(System.Logger.Level.INFO, "Isolation settings from {0} override the"
                + " --isolation and --cgroups_* flags: {1}", file.path(), settings));
        return saved.orElse(flags);
    }

    /** The total with the dynamic reservations the master made, as the agent's previous run checkpointed it. */
    private static Optional<Resources> checkpointedTotal(AgentCheckpoint checkpoint) throws DaemonException {
        Optional<List<Resource>> saved = checkpoint.recoverTotal();
        if (saved.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Resources.of(saved.get()));
        } catch (ResourceParseException e) {
            throw new DaemonException("Cannot recover the agent's resources: " + e.getMessage(), e);
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
