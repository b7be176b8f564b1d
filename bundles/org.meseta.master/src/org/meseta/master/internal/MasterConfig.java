package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.meseta.daemon.Endpoint;
import org.meseta.master.internal.core.RemovalRate;
import org.meseta.zk.ZkUrl;

/**
 * The master's validated configuration. {@code flags} is every flag's effective value, for /flags.
 *
 * @param logDir where the log is also written, if anywhere ({@code --log_dir})
 * @param maxOperatorEventStreamSubscribers operator event stream subscribers kept at once; a new one beyond this
 *        closes the oldest
 * @param offerTimeout how long an offer may stay unanswered before it is rescinded ({@code --offer_timeout}); empty
 *        when offers never time out
 * @param roleWhitelist the roles frameworks may subscribe with ({@code --roles}), always including {@code *}; empty
 *        when any role is allowed
 * @param agentReregisterTimeout how long agents recovered from the registry have to re-register with a newly
 *        elected master before they are marked unreachable
 * @param agentRemovalRateLimit how many agents failing their health checks may be marked unreachable per how long
 *        ({@code --agent_removal_rate_limit}); empty when they are marked unreachable at once
 * @param recoveryAgentRemovalLimit the fraction of those agents that may fail to re-register; beyond it the master
 *        exits rather than mark them all unreachable
 * @param zooKeeper where this master contends for leadership ({@code --zk}); empty when it leads on its own
 */
public record MasterConfig(
        Endpoint endpoint,
        Path workDir,
        Optional<Path> logDir,
        Optional<String> cluster,
        Duration agentPingTimeout,
        int maxAgentPingTimeouts,
        Optional<RemovalRate> agentRemovalRateLimit,
        Duration agentReregisterTimeout,
        double recoveryAgentRemovalLimit,
        Allocation allocation,
        int maxCompletedFrameworks,
        int maxCompletedTasksPerFramework,
        int maxOperatorEventStreamSubscribers,
        Optional<Duration> offerTimeout,
        Optional<Set<String>> roleWhitelist,
        Optional<ZooKeeper> zooKeeper,
        SortedMap<String, String> flags) {

    public MasterConfig {
        roleWhitelist = roleWhitelist.map(Set::copyOf);
    }

    /** Whether frameworks may subscribe with {@code role}: always without {@code --roles}. */
    public boolean isWhitelisted(String role) {
        return roleWhitelist.map(roles -> roles.contains(role)).orElse(true);
    }

    public Duration allocationInterval() {
        return allocation.interval();
    }

    /**
     * Leader election through ZooKeeper.
     *
     * @param url the ensemble and the group's znode ({@code --zk})
     * @param quorum {@code --quorum}: the number of masters that make a majority
     * @param sessionTimeout {@code --zk_session_timeout}
     */
    public record ZooKeeper(ZkUrl url, int quorum, Duration sessionTimeout) {}

    /**
     * How resources are allocated: the allocator and sorters by name, and what they are configured with.
     *
     * @param minAllocatable see {@code org.meseta.allocator.api.AllocatorOptions#minAllocatable}
     * @param weights {@code --weights}, role → weight, validated; the master starts with them
     */
    public record Allocation(String allocator, Duration interval, List<Map<String, Double>> minAllocatable,
            String roleSorter, String frameworkSorter, Set<String> fairnessExcludedResourceNames,
            Map<String, Double> weights) {

        public Allocation {
            weights = Map.copyOf(weights);
        }
    }
}
