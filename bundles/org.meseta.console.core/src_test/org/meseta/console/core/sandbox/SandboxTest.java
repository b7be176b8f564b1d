package org.meseta.console.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.ExecutorID;
import org.apache.mesos.v1.Protos.FrameworkID;
import org.apache.mesos.v1.Protos.Task;
import org.apache.mesos.v1.Protos.TaskID;
import org.apache.mesos.v1.master.Protos.Response.GetAgents;
import org.junit.jupiter.api.Test;
import org.meseta.console.core.model.AgentResources;
import org.meseta.console.core.model.AgentState;
import org.meseta.console.core.model.AgentView;
import org.meseta.console.core.model.TaskView;

class SandboxTest {

    private static AgentView agent(Optional<GetAgents.Agent> details) {
        return new AgentView("S1", "node-a", AgentState.ACTIVE, Map.of(), "", Set.of(), AgentResources.NONE,
                List.of(), details);
    }

    private static GetAgents.Agent described(String pid, int port) {
        return GetAgents.Agent.newBuilder().setPid(pid).setAgentInfo(AgentInfo.newBuilder().setHostname("node-a")
                .setPort(port)).buildPartial();
    }

    private static TaskView task(Optional<String> executor) {
        Task.Builder task = Task.newBuilder().setName("t").setTaskId(TaskID.newBuilder().setValue("t1"))
                .setFrameworkId(FrameworkID.newBuilder().setValue("F1"));
        executor.ifPresent(id -> task.setExecutorId(ExecutorID.newBuilder().setValue(id)));
        return TaskView.of(task.buildPartial());
    }

    @Test
    void theAgentIsReachedAtItsPidElseAtItsHostAndPort() {
        assertEquals(Optional.of(URI.create("http://10.0.0.3:5051")),
                Sandbox.agentUri(agent(Optional.of(described("slave(1)@10.0.0.3:5051", 5051)))));
        assertEquals(Optional.of(URI.create("http://node-a:5052")),
                Sandbox.agentUri(agent(Optional.of(described("", 5052)))));
        assertEquals(Optional.empty(), Sandbox.agentUri(agent(Optional.empty())), "only recovered from a registry");
    }

    @Test
    void aCommandTasksSandboxIsItsExecutorsNamedAfterIt() {
        Sandbox sandbox = Sandbox.of(task(Optional.empty()), agent(Optional.of(described("slave(1)@h:1", 1))))
                .orElseThrow();

        assertEquals("/frameworks/F1/executors/t1/runs/latest", sandbox.executorDirectory());
        assertEquals(Optional.empty(), sandbox.taskDirectory());
    }

    @Test
    void aTaskOfAnExecutorHasItsOwnDirectoryInsideTheExecutors() {
        Sandbox sandbox = Sandbox.of(task(Optional.of("E1")), agent(Optional.of(described("slave(1)@h:1", 1))))
                .orElseThrow();

        assertEquals("/frameworks/F1/executors/E1/runs/latest", sandbox.executorDirectory());
        assertEquals(Optional.of("/frameworks/F1/executors/E1/runs/latest/tasks/t1"), sandbox.taskDirectory());
    }
}
