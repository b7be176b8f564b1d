package org.meseta.master.internal.core;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.api.flags.StoutDuration;

/**
 * Mesos's {@code --recovery_agent_removal_limit}: after a failover, a new leader marks the agents the registry
 * listed and that did not re-register unreachable only if they are few enough; too many missing agents more
 * likely mean a problem (a network partition, ZooKeeper trouble) than dead agents, and the master exits instead.
 * Stateless.
 */
public final class RemovalLimit {

    private RemovalLimit() {}

    /** A fraction as {@code --recovery_agent_removal_limit} shows it, e.g. {@code 100%} or {@code 12.5%}. */
    public static String format(double fraction) {
        double percent = fraction * 100;
        return (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }

    /**
     * Why the master must exit rather than mark {@code late} unreachable, if it must.
     *
     * @param recovered how many agents the registry listed when this master was elected
     */
    static Optional<String> exceeded(List<AgentInfo> late, int recovered, double limit, Duration timeout) {
        if (late.isEmpty() || recovered == 0 || (double) late.size() / recovered <= limit) {
            return Optional.empty();
        }
        return Optional.of("Post-recovery agent removal limit exceeded! After " + StoutDuration.format(timeout)
                + " there were " + late.size() + " (" + format((double) late.size() / recovered) + ") agents"
                + " recovered from the registry that did not re-register; the configured removal limit is "
                + format(limit) + ": investigate, or raise --recovery_agent_removal_limit");
    }
}
