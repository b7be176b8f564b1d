package org.meseta.master.internal.agents;

import java.time.Instant;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.agentlink.AgentEvent;
import org.meseta.api.recordio.RecordIO;
import org.meseta.api.resources.ReservationOperations;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.Actor;
import org.meseta.http.ResponseStream;

/**
 * One admitted agent as the master sees it. Confined to the master's actor thread.
 *
 * <p>An agent is <em>connected</em> while its link stream is open; pings that go unanswered close the link. Whether
 * its resources are offered also depends on the operator (see {@link Agents#isActive}).
 */
public final class Agent {

    private AgentInfo info;
    private Resources total;
    private String pid;
    private String version;
    private final Instant registeredTime;
    private Instant reregisteredTime;
    private Instant drainStartTime;

    private ResponseStream link;
    private Actor.Timer pingTimer = () -> {};
    private Actor.Timer unreachableTimer = () -> {};
    private boolean awaitingPong;
    private int missedPings;

    Agent(AgentInfo info, Resources total, String pid, String version, Instant registeredTime) {
        this.info = info;
        this.total = total;
        this.pid = pid;
        this.version = version;
        this.registeredTime = registeredTime;
    }

    /** The agent subscribed again (restart, network blip): take its latest description, which keeps the id. */
    void reregistered(AgentInfo newInfo, Resources newTotal, String newPid, String newVersion, Instant time) {
        this.info = newInfo;
        this.total = newTotal;
        this.pid = newPid;
        this.version = newVersion;
        this.reregisteredTime = time;
    }

    public AgentID id() {
        return info.getId();
    }

    public AgentInfo info() {
        return info;
    }

    /** Everything the agent offers, validated when it subscribed. */
    public Resources total() {
        return total;
    }

    /**
     * Applies a conversion of the agent's resources (a reservation made or undone) to its total and tells the agent
     * its new total over the link, if it is connected; it reports that total when it subscribes again.
     *
     * @param conversion without allocation roles; the caller has checked that the total holds what it consumes
     * @throws IllegalStateException if the total does not hold what the conversion consumes
     */
    public void convertTotal(ReservationOperations.Conversion conversion) {
        Resources converted = conversion.applyTo(total);
        if (converted == null) {
            throw new IllegalStateException("Agent " + id().getValue() + " total " + total + " does not contain "
                    + conversion.consumed());
        }
        total = converted;
        send(new AgentEvent.UpdateTotal(total.toList()));
    }

    public String pid() {
        return pid;
    }

    public String version() {
        return version;
    }

    public Instant registeredTime() {
        return registeredTime;
    }

    public Optional<Instant> reregisteredTime() {
        return Optional.ofNullable(reregisteredTime);
    }

    public boolean isConnected() {
        return link != null;
    }

    /** When the agent was told to drain, for {@code estimated_drain_start_time}; empty unless draining. */
    public Optional<Instant> drainStartTime() {
        return Optional.ofNullable(drainStartTime);
    }

    public void drainStarted(Optional<Instant> time) {
        drainStartTime = time.orElse(null);
    }

    /** The IP address the agent serves HTTP on, from its pid {@code slave(1)@ip:port}. */
    public String ip() {
        return pid.substring(pid.indexOf('@') + 1, pid.lastIndexOf(':'));
    }

    /** Sends an event down the link; false when the agent is not connected (the event is dropped). */
    public boolean send(AgentEvent event) {
        if (link == null) {
            return false;
        }
        link.write(RecordIO.frame(event.toJson()));
        return true;
    }

    /** Arms the timer that marks the disconnected agent unreachable unless it subscribes again in time. */
    public void awaitReconnection(Actor.Timer timer) {
        unreachableTimer.cancel();
        unreachableTimer = timer;
    }

    /** The open link, if any. */
    public Optional<ResponseStream> link() {
        return Optional.ofNullable(link);
    }

    /** Replaces the link (a new subscription supersedes the old one) and restarts the ping count. */
    public void connect(ResponseStream newLink, Actor.Timer newPingTimer) {
        disconnect();
        link = newLink;
        pingTimer = newPingTimer;
    }

    /** Forgets the link and stops pinging; the caller closes the stream if it is still open. */
    public void disconnect() {
        unreachableTimer.cancel();
        pingTimer.cancel();
        pingTimer = () -> {};
        link = null;
        awaitingPong = false;
        missedPings = 0;
    }

    public void schedulePings(Actor.Timer timer) {
        pingTimer = timer;
    }

    /**
     * Called when a ping is due, as Mesos's agent observer does: the previous ping counts as missed if it is still
     * unanswered, and a new one is expected. Returns how many pings in a row are now unanswered; the caller sends
     * the next ping unless that reaches the limit. A lost ping or pong is thus forgiven by the next one.
     */
    public int pingDue() {
        if (awaitingPong) {
            missedPings++;
        }
        awaitingPong = true;
        return missedPings;
    }

    /** The agent answered: it is healthy again. */
    public void ponged() {
        awaitingPong = false;
        missedPings = 0;
    }
}
