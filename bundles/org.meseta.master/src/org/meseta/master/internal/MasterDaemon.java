package org.meseta.master.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.apache.mesos.v1.Protos.Address;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Build;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.Endpoint;
import org.meseta.daemon.Instances;
import org.meseta.daemon.Teardown;
import org.meseta.daemon.WorkDir;
import org.meseta.http.HttpTransport;
import org.meseta.master.internal.http.MasterRoutes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The {@code master} daemon: one {@link Master} behind an HTTP server per {@link #start}. */
@Component(property = Daemon.NAME_PROPERTY + "=master")
public final class MasterDaemon implements Daemon {

    private static final System.Logger LOG = System.getLogger(MasterDaemon.class.getName());

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
        try (Teardown teardown = new Teardown()) {
            HttpTransport transport = teardown.own(HttpTransport.create("master-http", 2));
            Master master = teardown.own(new Master(config, info, Clock.systemUTC()));
            teardown.own(config.endpoint().serve(transport, MasterRoutes.router(master, config)));
            LOG.log(System.Logger.Level.INFO, "Master {0} ({1}) started on {2}, work_dir {3}", info.getId(),
                    info.getHostname(), config.endpoint().address(), config.workDir());
            return instances.adopt(config.endpoint().address(), "Master " + info.getId(), teardown);
        }
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
