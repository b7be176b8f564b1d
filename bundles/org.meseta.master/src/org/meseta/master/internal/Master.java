package org.meseta.master.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.MasterInfo;
import org.meseta.api.agentlink.AgentCall;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.agentlink.AgentSubscribe;
import org.meseta.api.recordio.RecordIO;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.http.ResponseStream;
import org.meseta.master.internal.agents.Agent;
import org.meseta.master.internal.agents.Agents;

/**
 * The master's state and the rules that change it. Every public method hands its work to the
 * {@code master} actor thread and returns a future; nothing here blocks or locks.
 *
 * <p>Agent liveness follows Mesos: an agent is pinged every {@code --agent_ping_timeout}; after
 * {@code --max_agent_ping_timeouts} unanswered pings in a row its link is closed and it is shown inactive,
 * as it is at once when its link stream breaks. It becomes active again when it subscribes again.
 */
public final class Master implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Master.class.getName());

    private final MasterConfig config;
    private final MasterInfo info;
    private final Clock clock;
    private final Instant startTime;
    private final Actor actor = new Actor("master");
    private final Agents agents;

    Master(MasterConfig config, MasterInfo info, Clock clock) {
        this.config = config;
        this.info = info;
        this.clock = clock;
        this.startTime = clock.instant();
        this.agents = new Agents(info.getId());
    }

    public MasterInfo info() {
        return info;
    }

    /**
     * Admits the agent with its validated {@code total} resources and makes {@code link} its event stream;
     * REGISTERED is the first event sent.
     */
    public CompletableFuture<AgentID> subscribe(AgentSubscribe request, Resources total, ResponseStream link) {
        return actor.call(() -> {
            Agents.Admission admission = agents.admit(request, total, clock.instant());
            Agent agent = admission.agent();
            agent.link().ifPresent(ResponseStream::close);
            agent.connect(link, schedulePing(agent.id()));
            link.closeFuture().whenComplete((ignored, failure) -> actor.run(() -> linkClosed(agent.id(), link)));
            send(link, new AgentEvent.Registered(agent.id(), info, config.agentPingTimeout(),
                    config.maxAgentPingTimeouts()));
            LOG.log(System.Logger.Level.INFO, "{0} agent {1} at {2} ({3})",
                    admission.readmitted() ? "Re-admitted" : "Admitted", agent.id().getValue(), agent.pid(),
                    agent.info().getHostname());
            return agent.id();
        });
    }

    /** Takes a call from an agent; false when the agent is unknown (it must subscribe first). */
    public CompletableFuture<Boolean> agentCall(AgentCall call) {
        return actor.call(() -> {
            Optional<Agent> agent = agents.find(call.agentId());
            if (agent.isEmpty()) {
                return false;
            }
            switch (call) {
                case AgentCall.Pong pong -> agent.get().ponged();
                case AgentCall.Update update -> LOG.log(System.Logger.Level.DEBUG, "Update {0}", update);
                case AgentCall.ExecutorMessage message -> LOG.log(System.Logger.Level.DEBUG, "Message {0}", message);
                case AgentCall.ExecutorExited exited -> LOG.log(System.Logger.Level.DEBUG, "Exited {0}", exited);
            }
            return true;
        });
    }

    /** A consistent snapshot for the HTTP endpoints. */
    public CompletableFuture<ClusterView> view() {
        return actor.call(() -> new ClusterView(info, startTime,
                agents.all().stream().map(ClusterView.AgentView::of).toList()));
    }

    private Actor.Timer schedulePing(AgentID id) {
        return actor.schedule(config.agentPingTimeout(), () -> pingDue(id));
    }

    private void pingDue(AgentID id) {
        Agent agent = agents.find(id).orElseThrow();
        Optional<ResponseStream> link = agent.link();
        if (link.isEmpty()) {
            return;
        }
        int missed = agent.pingDue();
        if (missed >= config.maxAgentPingTimeouts()) {
            LOG.log(System.Logger.Level.WARNING, "Agent {0} at {1} did not answer {2} pings; marking it inactive",
                    id.getValue(), agent.pid(), missed);
            agent.disconnect();
            link.get().close();
            return;
        }
        send(link.get(), new AgentEvent.Ping());
        agent.schedulePings(schedulePing(id));
    }

    private void linkClosed(AgentID id, ResponseStream link) {
        Agent agent = agents.find(id).orElseThrow();
        if (agent.link().orElse(null) == link) {
            agent.disconnect();
            LOG.log(System.Logger.Level.INFO, "Agent {0} at {1} disconnected; marking it inactive", id.getValue(),
                    agent.pid());
        }
    }

    private static void send(ResponseStream link, AgentEvent event) {
        link.write(RecordIO.frame(event.toJson()));
    }

    /** Closes every agent link (agents will re-subscribe to the next master) and stops the actor. */
    @Override
    public void close() {
        actor.call(() -> {
            agents.all().forEach(agent -> agent.link().ifPresent(ResponseStream::close));
            return null;
        }).join();
        actor.close();
    }
}
