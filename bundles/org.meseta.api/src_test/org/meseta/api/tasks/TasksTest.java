package org.meseta.api.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.mesos.v1.Protos.AgentID;
import org.apache.mesos.v1.Protos.CommandInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.KillPolicy;
import org.apache.mesos.v1.Protos.Label;
import org.apache.mesos.v1.Protos.Labels;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.apache.mesos.v1.Protos.TaskState;
import org.apache.mesos.v1.Protos.Value;
import org.junit.jupiter.api.Test;

class TasksTest {

    private static final FrameworkID FRAMEWORK = FrameworkID.newBuilder().setValue("f1").build();
    private static final AgentID AGENT = AgentID.newBuilder().setValue("a1").build();

    private static TaskInfo.Builder info() {
        return TaskInfo.newBuilder().setName("web").setTaskId(TaskID.newBuilder().setValue("t1"))
                .setAgentId(AGENT)
                .addResources(Resource.newBuilder().setName("cpus").setType(Value.Type.SCALAR)
                        .setScalar(Value.Scalar.newBuilder().setValue(0.5)));
    }

    @Test
    void commandTaskHasNoExecutorIdAndKeepsWhatMesosCarriesOver() {
        TaskInfo info = info().setCommand(CommandInfo.newBuilder().setValue("true"))
                .setLabels(Labels.newBuilder().addLabels(Label.newBuilder().setKey("k").setValue("v")))
                .setKillPolicy(KillPolicy.newBuilder()).build();

        Task task = Tasks.fromInfo(info, FRAMEWORK, AGENT, TaskState.TASK_STAGING).build();

        assertEquals("web", task.getName());
        assertEquals("t1", task.getTaskId().getValue());
        assertEquals(FRAMEWORK, task.getFrameworkId());
        assertEquals(AGENT, task.getAgentId());
        assertEquals(TaskState.TASK_STAGING, task.getState());
        assertEquals(info.getResourcesList(), task.getResourcesList());
        assertEquals(info.getLabels(), task.getLabels());
        assertTrue(task.hasKillPolicy());
        assertFalse(task.hasExecutorId());
        assertFalse(task.hasHealthCheck());
        assertFalse(task.hasContainer());
    }

    @Test
    void customExecutorTaskCarriesTheExecutorsId() {
        TaskInfo info = info().setExecutor(ExecutorInfo.newBuilder()
                .setExecutorId(ExecutorID.newBuilder().setValue("e1"))
                .setCommand(CommandInfo.newBuilder().setValue("./executor"))).build();

        Task task = Tasks.fromInfo(info, FRAMEWORK, AGENT, TaskState.TASK_RUNNING).build();

        assertEquals("e1", task.getExecutorId().getValue());
        assertEquals(TaskState.TASK_RUNNING, task.getState());
    }
}
