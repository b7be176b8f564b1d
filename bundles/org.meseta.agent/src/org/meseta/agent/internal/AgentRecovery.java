package org.meseta.agent.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.meseta.agent.internal.checkpoint.CheckpointReader;
import org.meseta.agent.internal.checkpoint.MetaLayout;
import org.meseta.agent.internal.checkpoint.RecoveredRun;
import org.meseta.agent.internal.containerizer.Containerizer;
import org.meseta.agent.internal.executor.Container;
import org.meseta.agent.internal.executor.LaunchException;
import org.meseta.agent.internal.tasks.RunRecovery;
import org.meseta.daemon.DaemonException;

/**
 * What a starting agent does with the executor runs its previous run checkpointed, as Mesos's {@code --recover}
 * says: with {@code reconnect} the runs of checkpointing frameworks are taken back (the agent rebuilds them once it
 * starts) and every other run's processes are killed; with {@code cleanup} every run's processes are killed. The
 * isolators recover the containers taken back and clean up the rest. Blocking; used once, before the agent starts.
 */
final class AgentRecovery {

    private static final System.Logger LOG = System.getLogger(AgentRecovery.class.getName());

    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final AgentConfig config;
    private final Optional<AgentInfo> info;
    private final List<RecoveredRun> runs;

    private AgentRecovery(AgentConfig config, Optional<AgentInfo> info, List<RecoveredRun> runs) {
        this.config = config;
        this.info = info;
        this.runs = runs;
    }

    /**
     * Reads the runs checkpointed for the agent {@code info} describes; none for an agent without an id yet.
     *
     * @throws DaemonException in one line naming what cannot be read
     */
    static AgentRecovery read(AgentConfig config, AgentInfo info, AgentCheckpoint checkpoint) throws DaemonException {
        if (!info.hasId()) {
            return new AgentRecovery(config, Optional.empty(), List.of());
        }
        try {
            return new AgentRecovery(config, Optional.of(info),
                    CheckpointReader.read(MetaLayout.of(config.workDir(), info.getId().getValue())));
        } catch (IOException e) {
            throw new DaemonException("Cannot recover the agent's executors: " + e.getMessage() + "; remove "
                    + checkpoint.latest() + " to register as a new agent", e);
        }
    }

    /** The runs the agent takes back: none with {@code --recover=cleanup}. */
    List<RecoveredRun> kept() {
        return config.recover() == AgentConfig.Recover.RECONNECT
                ? runs.stream().filter(RecoveredRun::isRecoverable).toList() : List.of();
    }

    /**
     * Kills the processes of the runs not kept and forgets their checkpoints, then lets the isolators recover the
     * runs kept and clean up everything else.
     *
     * @throws DaemonException naming the isolator or checkpoint that failed
     */
    void apply(Containerizer containerizer) throws DaemonException {
        List<RecoveredRun> kept = kept();
        List<ProcessHandle> killed = new ArrayList<>();
        for (RecoveredRun run : runs) {
            if (!kept.contains(run)) {
                if (run.process().isPresent()) {
                    killed.addAll(Container.recovered(run.process().get(), Optional.empty()).kill());
                }
                run.taskProcesses().values().forEach(process -> killed.addAll(Container.recovered(process,
                        Optional.empty()).kill()));
                forget(run);
            }
        }
        awaitEnd(killed);
        try {
            containerizer.recover(info.isEmpty() ? List.of()
                    : RunRecovery.running(config.workDir(), info.get().getId().getValue(), kept));
        } catch (LaunchException e) {
            throw new DaemonException("Cannot recover the agent's containers: " + e.getMessage(), e);
        }
        if (!runs.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "Recovery ({0}): taking back {1} executor run(s), killed the processes"
                    + " of {2} other run(s)", config.recover().flagValue(), kept.size(), runs.size() - kept.size());
        }
    }

    /** Waits a while for the processes killed to be gone, so that none outlives the agent's start. */
    private static void awaitEnd(List<ProcessHandle> killed) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        for (ProcessHandle process : killed) {
            try {
                process.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                LOG.log(System.Logger.Level.WARNING, "Process {0} of a previous run of the agent did not end within"
                        + " {1} s of SIGKILL", process.pid(), KILL_WAIT.toSeconds());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void forget(RecoveredRun run) throws DaemonException {
        try {
            run.checkpoint().remove();
        } catch (IOException e) {
            throw new DaemonException("Cannot remove the checkpoint of container " + run.containerId().getValue()
                    + ": " + e.getMessage(), e);
        }
    }
}
