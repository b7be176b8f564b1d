package org.meseta.cli.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.mesos.v1.Protos.Environment;
import org.apache.mesos.v1.Protos.FrameworkInfo.Capability;
import org.apache.mesos.v1.Protos.TaskGroupInfo;
import org.apache.mesos.v1.Protos.TaskInfo;
import org.meseta.api.flags.Flag;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.api.resources.Roles;

/**
 * The flags of {@code meseta-execute}, with mesos-execute's names and defaults where mesos-execute has the flag.
 * Each parser checks what can be checked of one value; {@link ExecuteOptions} checks how they combine.
 */
final class ExecuteFlags {

    static final Flag<MasterLocation> MASTER = Flag.custom("master",
            "The leading master, as host:port or http://host:port; or zk://host:port[,host:port...]/path to find"
                    + " the leader through ZooKeeper and follow it when another master takes over",
            MasterLocation::parse, MasterLocation::toString).required();
    static final Flag<String> NAME = Flag.string("name",
            "Name of the task, also its ID (required unless --task is given)");
    static final Flag<String> COMMAND = Flag.string("command",
            "The command to run: a shell command line, or with --no-shell the program to run\n"
                    + "(without arguments). One of --command, --task and --task_group is required");
    static final Flag<Boolean> SHELL = Flag.bool("shell",
            "Run --command with the shell (/bin/sh -c); --no-shell runs it as a program", true);
    static final Flag<TaskInfo> TASK = Flag.custom("task",
            "The whole task as a JSON TaskInfo, inline or in a file (/path or file:///path),\n"
                    + "instead of --name, --command, --shell, --env and --resources; agent_id may be left out",
            JsonFlagValues::task, JsonFlagValues::print);
    static final Flag<TaskGroupInfo> TASK_GROUP = Flag.custom("task_group",
            "A task group to run under the default executor, as a JSON TaskGroupInfo, inline or in a file\n"
                    + "(/path or file:///path), instead of --name, --command, --shell, --env and --resources;\n"
                    + "the tasks' agent_id may be left out",
            JsonFlagValues::taskGroup, JsonFlagValues::print);
    static final Flag<Environment> ENV = Flag.custom("env",
            "Environment variables of the command, a JSON object such as {\"NAME\": \"value\"},\n"
                    + "inline or in a file (/path or file:///path)",
            JsonFlagValues::environment, JsonFlagValues::print);
    static final Flag<Resources> RESOURCES = Flag.custom("resources",
            "Resources of the task in Mesos's text form, e.g. cpus:0.5;mem:64;ports:[31000-31000]",
            ExecuteFlags::parseResources, Resources::toString).withDefault(parseResources("cpus:1;mem:128"));
    static final Flag<Boolean> CHECKPOINT = Flag.bool("checkpoint",
            "Enable checkpointing for the framework, so that its task survives an agent restart", false);
    static final Flag<String> ROLE = Flag.custom("role",
            "Role to subscribe with; the task takes resources reserved for it first, then unreserved ones",
            ExecuteFlags::parseRole, Function.identity()).withDefault(Roles.DEFAULT_ROLE);
    static final Flag<Duration> KILL_AFTER = Flag.duration("kill_after",
            "Kill the task once it has been running this long, e.g. 10secs or 2mins");
    static final Flag<Set<Capability.Type>> FRAMEWORK_CAPABILITIES = Flag.custom("framework_capabilities",
            "Framework capabilities to announce, comma-separated, e.g. TASK_KILLING_STATE,PARTITION_AWARE\n"
                    + "(none by default; with MULTI_ROLE the framework subscribes with 'roles')",
            Capabilities::parse, Capabilities::print);
    static final Flag<ContentType> CONTENT_TYPE = Flag.custom("content_type",
            "Encoding of the scheduler API messages: json or protobuf", ContentType::parse, ContentType::flagValue)
            .withDefault(ContentType.PROTOBUF);
    static final Flag<String> PRINCIPAL = Flag.string("principal", "Principal of the framework");
    static final Flag<String> FRAMEWORK_NAME = Flag.string("framework_name",
            "Name of the framework", "meseta-execute instance");

    static final List<Flag<?>> ALL = List.of(MASTER, NAME, COMMAND, SHELL, TASK, TASK_GROUP, ENV, RESOURCES,
            CHECKPOINT, ROLE, KILL_AFTER, FRAMEWORK_CAPABILITIES, CONTENT_TYPE, PRINCIPAL, FRAMEWORK_NAME);

    private ExecuteFlags() {}

    /**
     * The task's resources, without a role: which reservation they come from is the offer's business, as with
     * mesos-execute, which takes them from {@code --role}'s reservations first.
     */
    private static Resources parseResources(String text) {
        Resources resources;
        try {
            resources = Resources.parse(text, Roles.DEFAULT_ROLE);
        } catch (ResourceParseException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!resources.reservedByRole().isEmpty()) {
            throw new IllegalArgumentException("give the resources without a role; --role says which role they"
                    + " are taken from");
        }
        return resources;
    }

    private static String parseRole(String role) {
        Roles.problem(role).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return role;
    }
}
