package org.meseta.agent.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.daemon.Endpoint;

/**
 * The agent's validated configuration. {@code flags} is every flag's effective value, for /flags.
 *
 * @param master where the master is: one address, or a ZooKeeper group whose leader the agent follows
 * @param logDir where the log is also written, if anywhere ({@code --log_dir})
 * @param executorRegistrationTimeout how long a custom executor has to subscribe
 * @param executorShutdownGracePeriod how long an executor told to shut down has before it is killed
 * @param switchUser whether a root agent runs tasks as the user their framework asks for
 * @param frameworksHome where the fetcher takes relative URIs from
 * @param recoveryTimeout told to executors of checkpointing frameworks ({@code MESOS_RECOVERY_TIMEOUT})
 * @param executorReregistrationTimeout how long a restarted agent waits for the same executors to subscribe again
 * @param isolation the isolators {@code --isolation} names, in order
 * @param cgroups the {@code --cgroups_*} flags, for the cgroups isolators
 * @param recover what a restarted agent does with the executors its previous run left ({@code --recover})
 */
public record AgentConfig(
        MasterLocation master,
        Endpoint endpoint,
        Path workDir,
        Optional<Path> logDir,
        Optional<String> resources,
        Optional<String> attributes,
        Duration registrationBackoffFactor,
        Duration executorRegistrationTimeout,
        Duration executorShutdownGracePeriod,
        boolean switchUser,
        Optional<Path> frameworksHome,
        Duration recoveryTimeout,
        Duration executorReregistrationTimeout,
        List<String> isolation,
        CgroupsOptions cgroups,
        Recover recover,
        SortedMap<String, String> flags) {

    /** The values of {@code --recover}, as Mesos names them. */
    public enum Recover {
        /** Take back the executors of checkpointing frameworks; kill the others. */
        RECONNECT,
        /** Kill every executor left, forget the agent's id and exit. */
        CLEANUP;

        public String flagValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
