package org.meseta.api.agentlink;

import java.util.List;
import java.util.Objects;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.ExecutorInfo;
import org.apache.mesos.v1.Protos.FrameworkInfo;
import org.apache.mesos.v1.Protos.Resource;
import org.apache.mesos.v1.Protos.Task;
import org.meseta.api.json.JsonCodecException;

/**
 * An agent's request to join: what it offers ({@code agent_info}, with {@code id} set when it was admitted
 * before), where it serves HTTP ({@code pid}, {@code slave(1)@ip:port}), its version, and what it runs: the
 * frameworks it runs executors or tasks for, its custom executors ({@code framework_id} set) and its tasks that the
 * master has not yet seen acknowledged as terminal (each with its {@code state} and newest {@code statuses}). A
 * master that had admitted the agent compares the tasks with its own view; one that had not (after a failover)
 * learns them. {@code totalResources} are the agent's total when dynamic reservations made it differ from
 * {@code agent_info.resources} (which stay what the agent was started with, as Mesos's {@code SlaveInfo}); empty
 * when they are the same.
 *
 * <p>JSON: {@code {"agent_info":{...},"pid":"slave(1)@127.0.0.1:5051","version":"1.11.0","frameworks":[...],
 * "executors":[...],"tasks":[...],"total_resources":[...]}}; the arrays are left out when empty.
 */
public record AgentSubscribe(AgentInfo agentInfo, String pid, String version, List<FrameworkInfo> frameworks,
        List<ExecutorInfo> executors, List<Task> tasks, List<Resource> totalResources) {

    public AgentSubscribe {
        Objects.requireNonNull(agentInfo, "agentInfo");
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(version, "version");
        frameworks = List.copyOf(frameworks);
        executors = List.copyOf(executors);
        tasks = List.copyOf(tasks);
        totalResources = List.copyOf(totalResources);
    }

    /** A subscription whose total is {@code agent_info.resources}. */
    public AgentSubscribe(AgentInfo agentInfo, String pid, String version, List<FrameworkInfo> frameworks,
            List<ExecutorInfo> executors, List<Task> tasks) {
        this(agentInfo, pid, version, frameworks, executors, tasks, List.of());
    }

    /** The agent's total resources: {@link #totalResources()} when given, else {@code agent_info.resources}. */
    public List<Resource> total() {
        return totalResources.isEmpty() ? agentInfo.getResourcesList() : totalResources;
    }

    /** A subscription of an agent that runs nothing. */
    public AgentSubscribe(AgentInfo agentInfo, String pid, String version) {
        this(agentInfo, pid, version, List.of(), List.of(), List.of());
    }

    public byte[] toJson() {
        return LinkJson.write(generator -> {
            LinkJson.writeMessage(generator, "agent_info", agentInfo);
            generator.writeStringField("pid", pid);
            generator.writeStringField("version", version);
            LinkJson.writeMessages(generator, "frameworks", frameworks);
            LinkJson.writeMessages(generator, "executors", executors);
            LinkJson.writeMessages(generator, "tasks", tasks);
            LinkJson.writeMessages(generator, "total_resources", totalResources);
        });
    }

    public static AgentSubscribe fromJson(byte[] json) throws JsonCodecException {
        return LinkJson.read(json, AgentSubscribe::readFields);
    }

    private static AgentSubscribe readFields(LinkJson.Fields fields) throws JsonCodecException {
        AgentInfo info = fields.message("agent_info", AgentInfo.newBuilder()).build();
        String pid = fields.string("pid");
        if (!pid.matches("slave\\(\\d+\\)@[^:@]+:\\d{1,5}")) {
            throw new JsonCodecException("Invalid agent pid '" + pid + "': expected slave(N)@ip:port");
        }
        return new AgentSubscribe(info, pid, fields.string("version"),
                fields.messages("frameworks", FrameworkInfo::newBuilder),
                fields.messages("executors", ExecutorInfo::newBuilder),
                fields.messages("tasks", Task::newBuilder),
                fields.messages("total_resources", Resource::newBuilder));
    }
}
