package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.allocator.api.Allocator;
import org.meseta.allocator.api.AllocatorFactory;
import org.meseta.allocator.api.AllocatorOptions;
import org.meseta.allocator.api.SorterFactory;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Build;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;
import org.meseta.daemon.Instances;
import org.meseta.daemon.LogFile;
import org.meseta.daemon.NamedServices;
import org.meseta.daemon.Teardown;
import org.meseta.daemon.WorkDir;
import org.meseta.daemon.files.FileAttachments;
import org.meseta.http.HttpTransport;
import org.meseta.master.internal.election.Election;
import org.meseta.master.internal.election.Leadership;
import org.meseta.registry.FileRegistryStore;
import org.meseta.master.internal.http.MasterRoutes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code master} daemon: one {@link Master} behind an HTTP server per {@link #start}, elected as its
 * {@link Election} says. An instance whose master lost its leadership reports a non-zero
 * {@link Running#exitStatus()}, which makes the launcher exit.
 */
@Component(property = Daemon.NAME_PROPERTY + "=master")
public final class MasterDaemon implements Daemon {

    /** Where a master without {@code --zk} keeps its registry, under its work_dir. */
    static final String REGISTRY_DIR = "registry";

    private static final System.Logger LOG = System.getLogger(MasterDaemon.class.getName());

    /** How long start-up waits for the allocator and sorters to be registered. */
    private static final Duration EXTENSION_WAIT = Duration.ofSeconds(5);

    /** The file in {@code --log_dir} the master writes its log to. */
    static final String LOG_FILE = "meseta-master.log";
    /** The virtual path {@code /files} serves that file under, as in Mesos. */
    static final String LOG_PATH = "/master/log";

    private final Instances instances = new Instances();

    @Override
    public String summary() {
        return "Runs a Meseta master: it pools the agents' resources and offers them to frameworks.";
    }

    @Override
    public List<Flag<?>> flags() {
        return MasterFlags.ALL;
    }

    @Override
    public Running start(Flags flags) throws DaemonException {
        MasterConfig config = MasterFlags.config(flags);
        WorkDir.create(config.workDir());
        MasterInfo info = masterInfo(config.endpoint());
        Allocator allocator = allocator(config.allocation(), Clock.systemUTC());
        try (Teardown teardown = new Teardown()) {
            FileAttachments files = files(config, teardown);
            HttpTransport transport = teardown.own(HttpTransport.create("master-http", 2));
            Master master = teardown.own(new Master(config, info, Clock.systemUTC(), allocator));
            Leadership leadership = new Leadership(info);
            teardown.own(config.endpoint().serve(transport, MasterRoutes.router(master, leadership, config, files)));
            Election election = teardown.own(config.zooKeeper().isPresent()
                    ? Election.contend(config.zooKeeper().get(), leadership, master)
                    : Election.standalone(leadership, master,
                            new FileRegistryStore(config.workDir().resolve(REGISTRY_DIR))));
            LOG.log(System.Logger.Level.INFO, "Master {0} ({1}) started on {2}, work_dir {3}", info.getId(),
                    info.getHostname(), config.endpoint().address(), config.workDir());
            return instances.adopt(config.endpoint().address(), "Master " + info.getId(), teardown,
                    election.exitStatus());
        }
    }

    /**
     * What {@code /files} serves: the log file as {@value #LOG_PATH} when {@code --log_dir} is given, nothing
     * otherwise. Opens the log file first, so that it holds everything the start logs.
     */
    private static FileAttachments files(MasterConfig config, Teardown teardown) throws DaemonException {
        Map<String, Path> attached = Map.of();
        if (config.logDir().isPresent()) {
            LogFile log = teardown.own(LogFile.open(config.logDir().get(), LOG_FILE));
            attached = Map.of(LOG_PATH, log.path());
        }
        ExecutorService reads = Executors.newVirtualThreadPerTaskExecutor();
        // Not close(): it would wait for downloads that a stalled client keeps going.
        teardown.own(reads::shutdownNow);
        return FileAttachments.fixed(attached, reads);
    }

    /** The allocator and sorters the flags name, which plugins may provide. */
    private static Allocator allocator(MasterConfig.Allocation allocation, Clock clock) throws DaemonException {
        AllocatorFactory factory = extension(AllocatorFactory.class, AllocatorFactory.NAME_PROPERTY,
                allocation.allocator(), "--allocator", "allocator");
        SorterFactory roleSorter = extension(SorterFactory.class, SorterFactory.NAME_PROPERTY,
                allocation.roleSorter(), "--role_sorter", "sorter");
        SorterFactory frameworkSorter = extension(SorterFactory.class, SorterFactory.NAME_PROPERTY,
                allocation.frameworkSorter(), "--framework_sorter", "sorter");
        return factory.create(new AllocatorOptions(clock, allocation.minAllocatable(), roleSorter, frameworkSorter,
                allocation.fairnessExcludedResourceNames()));
    }

    private static <T> T extension(Class<T> type, String property, String name, String flag, String kind)
            throws DaemonException {
        return NamedServices.await(MasterDaemon.class, type, property, name, EXTENSION_WAIT).orElseThrow(
                () -> new DaemonException("Invalid " + flag + " '" + name + "': no " + kind + " of that name is"
                        + " installed (installed: " + String.join(", ", NamedServices.names(MasterDaemon.class,
                                type, property)) + ")"));
    }

    @Deactivate
    void deactivate() {
        instances.closeAll();
    }

    static MasterInfo masterInfo(Endpoint endpoint) {
        return MasterInfo.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setIp(endpoint.packedIp())
                .setPort(endpoint.advertisedPort())
                .setPid(endpoint.pid("master"))
                .setHostname(endpoint.hostname())
                .setVersion(Build.MESOS_API)
                .setAddress(Address.newBuilder()
                        .setHostname(endpoint.hostname())
                        .setIp(endpoint.advertisedIp())
                        .setPort(endpoint.advertisedPort()))
                .build();
    }
}
