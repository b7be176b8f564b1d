package org.meseta.cli.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.meseta.api.flags.Flag;
import org.meseta.api.flags.Flags;
import org.meseta.daemon.Daemon;
import org.meseta.daemon.DaemonException;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * The {@code execute} command, Meseta's {@code mesos-execute}: subscribes to a master as a framework of its own,
 * runs one task, prints its status updates, tears the framework down and exits with 0 when the task finished.
 * It speaks only the Mesos v1 scheduler API, so it works with any Mesos-compatible master.
 */
@Component(property = Daemon.NAME_PROPERTY + "=execute")
public final class ExecuteDaemon implements Daemon {

    private final Set<Execution> executions = ConcurrentHashMap.newKeySet();

    @Override
    public String summary() {
        return "Runs one task on a Mesos-compatible cluster, like mesos-execute: prints its status updates and exits"
                + " with 0 when it finishes, 1 otherwise.";
    }

    @Override
    public List<Flag<?>> flags() {
        return ExecuteFlags.ALL;
    }

    @Override
    public Running start(Flags flags) throws DaemonException {
        Execution execution = Execution.start(ExecuteOptions.from(flags), System.out, System.err);
        executions.add(execution);
        return execution;
    }

    /** Winds down a run that is still going: its task is killed and its framework torn down. */
    @Deactivate
    void deactivate() {
        executions.forEach(Execution::close);
        executions.clear();
    }
}
