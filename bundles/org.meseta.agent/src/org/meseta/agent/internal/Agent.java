package org.meseta.agent.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.daemon.Build;
import org.meseta.http.HttpClient;

/**
 * One agent: what it offers and its registration with the master. State is confined to the agent's actor
 * thread; public methods return futures or immutable snapshots. {@link #start()} may be called once.
 *
 * <p>Every id a master gives is checkpointed ({@link AgentCheckpoint}) before the agent reports itself
 * registered, so that a restart re-registers under it.
 */
public final class Agent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Agent.class.getName());

    private final AgentConfig config;
    private final Actor actor;
    private final MasterLink link;
    private final AgentCheckpoint checkpoint;
    private final Lifecycle lifecycle = new Lifecycle("The agent");
    private final Instant startTime;
    private final Resources total;

    private AgentInfo info;
    private AgentInfo checkpointed;
    private MasterInfo master;
    private boolean connected;

    /** @param info what to subscribe with; carries the id recovered from {@code checkpoint}, if any */
    Agent(AgentConfig config, AgentInfo info, Resources total, AgentCheckpoint checkpoint, HttpClient client,
            Clock clock) {
        this.config = config;
        this.info = info;
        this.checkpointed = info.hasId() ? info : null;
        this.total = total;
        this.checkpoint = checkpoint;
        this.startTime = clock.instant();
        this.actor = new Actor("agent-" + config.endpoint().port());
        this.link = new MasterLink(config, actor, client, this::subscription, this::registered,
                () -> connected = false, this::work);
    }

    /**
     * Starts registering with the master.
     *
     * @throws IllegalStateException if already started or closed
     */
    void start() {
        lifecycle.start();
        link.start();
    }

    /** The libprocess-style pid clients build agent URLs from: {@code slave(1)@ip:port}. */
    public String pid() {
        return config.endpoint().pid("slave(1)");
    }

    public AgentConfig config() {
        return config;
    }

    /** A consistent snapshot for the HTTP endpoints. */
    public CompletableFuture<View> view() {
        return actor.call(() -> new View(info, total, Optional.ofNullable(master), connected, startTime));
    }

    private AgentSubscribe subscription() {
        return new AgentSubscribe(info, pid(), Build.MESOS_API);
    }

    private void registered(AgentEvent.Registered registered) {
        info = info.toBuilder().setId(registered.agentId()).build();
        master = registered.masterInfo();
        connected = true;
        if (!info.equals(checkpointed)) {
            try {
                checkpoint.save(info);
                checkpointed = info;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.ERROR, "Cannot checkpoint agent {0} under {1}: {2}; after a restart it"
                        + " will register as a new agent", info.getId().getValue(), config.workDir(), e.getMessage());
            }
        }
    }

    private void work(AgentEvent event) {
        LOG.log(System.Logger.Level.WARNING, "This agent cannot do {0} yet", event.getClass().getSimpleName());
    }

    @Override
    public void close() {
        if (lifecycle.close()) {
            link.close();
            actor.close();
        }
    }

    /**
     * What the agent's endpoints show. {@code info.id} is set once a master has admitted the agent, or from the
     * start when it was recovered from the checkpoint.
     */
    public record View(AgentInfo info, Resources total, Optional<MasterInfo> master, boolean connected, Instant startTime) {}
}
