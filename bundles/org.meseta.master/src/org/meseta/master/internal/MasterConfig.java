package org.meseta.master.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import org.meseta.daemon.Endpoint;

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
 */
public record MasterConfig(
        Endpoint endpoint,
        Path workDir,
        Optional<Path> logDir,
        Optional<String> cluster,
        Duration agentPingTimeout,
        int maxAgentPingTimeouts,
        Allocation allocation,
        int maxCompletedFrameworks,
        int maxCompletedTasksPerFramework,
        int maxOperatorEventStreamSubscribers,
        Optional<Duration> offerTimeout,
        Optional<Set<String>> roleWhitelist,
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
