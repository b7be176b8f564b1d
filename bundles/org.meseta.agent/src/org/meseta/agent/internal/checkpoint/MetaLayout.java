package org.meseta.agent.internal.checkpoint;

import java.nio.file.Path;
import org.apache.mesos.v1.Protos.ContainerID;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.TaskID;

/**
 * Where an agent checkpoints what it runs, in Mesos's layout under {@code <work_dir>/meta/slaves/<agent id>}:
 *
 * <pre>
 *   forked.pids                                                  pids of the runs of frameworks that do not
 *                                                                checkpoint ({@link ForkedPids}), which have
 *                                                                no directory here
 *   frameworks/&lt;framework&gt;/framework.info                      FrameworkInfo
 *   frameworks/&lt;framework&gt;/executors/&lt;executor&gt;/executor.info  ExecutorInfo
 *     .../runs/&lt;container&gt;/pids/forked.pid                       pid of the container's first process (text)
 *     .../runs/&lt;container&gt;/status                               exit status its supervisor wrote (text)
 *     .../runs/&lt;container&gt;/tasks/&lt;task&gt;/task.info              TaskInfo
 *     .../runs/&lt;container&gt;/tasks/&lt;task&gt;/task.updates           status updates and acknowledgements
 *     .../runs/&lt;container&gt;/tasks/&lt;task&gt;/task.group             ids of the tasks of its task group (text)
 *     .../runs/&lt;container&gt;/tasks/&lt;task&gt;/pids/forked.pid        pid of a task group task's own process (text)
 *     .../runs/&lt;container&gt;/tasks/&lt;task&gt;/status                 exit status its supervisor wrote (text)
 *     .../runs/&lt;container&gt;/launch.wrapper                      the isolators' launch wrapper, one word a line
 * </pre>
 *
 * The ids are those the agent already used to name the run's sandbox, so they are valid directory names.
 *
 * @param agent {@code <work_dir>/meta/slaves/<agent id>}
 */
public record MetaLayout(Path agent) {

    static final String FRAMEWORK_INFO = "framework.info";
    static final String EXECUTOR_INFO = "executor.info";
    static final String FORKED_PID = "forked.pid";
    static final String STATUS = "status";
    static final String TASK_INFO = "task.info";
    static final String TASK_UPDATES = "task.updates";
    static final String TASK_GROUP = "task.group";
    static final String LAUNCH_WRAPPER = "launch.wrapper";

    public static MetaLayout of(Path workDir, String agentId) {
        return new MetaLayout(workDir.resolve("meta").resolve("slaves").resolve(agentId));
    }

    Path frameworks() {
        return agent.resolve("frameworks");
    }

    Path framework(FrameworkID id) {
        return frameworks().resolve(id.getValue());
    }

    Path executor(FrameworkID frameworkId, ExecutorID id) {
        return framework(frameworkId).resolve("executors").resolve(id.getValue());
    }

    Path run(FrameworkID frameworkId, ExecutorID executorId, ContainerID id) {
        return executor(frameworkId, executorId).resolve("runs").resolve(id.getValue());
    }

    static Path forkedPid(Path run) {
        return run.resolve("pids").resolve(FORKED_PID);
    }

    static Path status(Path run) {
        return run.resolve(STATUS);
    }

    static Path task(Path run, TaskID id) {
        return run.resolve("tasks").resolve(id.getValue());
    }

    static Path tasks(Path run) {
        return run.resolve("tasks");
    }
}
