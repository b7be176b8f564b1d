package org.meseta.containerizer.api;

import java.util.ArrayList;
import java.util.List;

/**
 * What an isolator needs of the way a container's first process starts, as Mesos's {@code ContainerLaunchInfo} says
 * it (there: namespaces to clone, commands to run before the executor): a wrapper the process runs through, e.g.
 * {@code namespaces/pid}'s {@code unshare --pid --fork --mount-proc --kill-child}.
 *
 * <p>A wrapper is a program and its options; the launcher appends the rest of the command line: the switch to the
 * task's user, then the executor's or the task's command. It runs as the agent's user, in the sandbox, with the
 * container's environment and already in its cgroups; it must run the rest of the command line (by {@code exec}, or
 * as a child it waits for) and end when that ends, with its exit status, because the launcher takes the outermost
 * wrapper's process as the container's first process. Such a wrapper stays in the container's session, so the agent's
 * kills reach it: one that keeps a child must survive SIGTERM until the child ends (as {@code unshare --fork} does,
 * blocking it) and take the child with it when SIGKILL ends it.
 *
 * @param wrapper the wrapper's program and options, outermost first; empty for none
 */
public record ContainerLaunchInfo(List<String> wrapper) {

    /** Nothing to change: the process runs the command itself. */
    public static final ContainerLaunchInfo NONE = new ContainerLaunchInfo(List.of());

    public ContainerLaunchInfo {
        wrapper = List.copyOf(wrapper);
    }

    /** This launch info with {@code inner}'s wrapper inside this one's (the agent merges in isolation order). */
    public ContainerLaunchInfo andThen(ContainerLaunchInfo inner) {
        List<String> both = new ArrayList<>(wrapper);
        both.addAll(inner.wrapper);
        return new ContainerLaunchInfo(both);
    }
}
