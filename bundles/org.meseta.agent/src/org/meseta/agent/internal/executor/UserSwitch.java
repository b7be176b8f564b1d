package org.meseta.agent.internal.executor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which user a container runs as, as Mesos's {@code --switch_user} does: each container runs as the user the
 * framework asked for (the command's {@code user}, else the framework's), which must exist on this machine; with
 * {@code --no-switch_user}, or when no user or the agent's own is asked for, it runs as the agent's user. Switching
 * needs root: an agent that is not root fails a container asking for another user, as a Mesos agent does (run it
 * with {@code --no-switch_user} instead). Thread-safe; {@link #resolve} blocks.
 */
public final class UserSwitch {

    private static final Pattern ID_OUTPUT = Pattern.compile("uid=(\\d+)\\S* gid=(\\d+).*", Pattern.DOTALL);
    private static final long ID_TIMEOUT_SECONDS = 10;

    private final boolean enabled;
    private final String agentUser;
    private final boolean agentIsRoot;

    UserSwitch(boolean enabled, String agentUser, boolean agentIsRoot) {
        this.enabled = enabled;
        this.agentUser = agentUser;
        this.agentIsRoot = agentIsRoot;
    }

    /** @param switchUser the {@code --switch_user} flag */
    public static UserSwitch detect(boolean switchUser) {
        return new UserSwitch(switchUser, System.getProperty("user.name"), agentUid() == 0);
    }

    /**
     * The user to switch to for a container that asks for {@code user}; empty to run as the agent's user. Looks the
     * user up with {@code id(1)}, so that users of any name service are found.
     *
     * @throws LaunchException for a user this machine does not know, or any other user when the agent is not root
     */
    public Optional<RunAs> resolve(Optional<String> user) throws LaunchException {
        if (!enabled || user.isEmpty() || user.get().isEmpty() || user.get().equals(agentUser)) {
            return Optional.empty();
        }
        String name = user.get();
        try {
            Process id = new ProcessBuilder("id", "--", name).redirectErrorStream(true).start();
            String output = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!id.waitFor(ID_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                id.destroyForcibly();
                throw new LaunchException("Failed to switch to user '" + name + "': looking it up timed out");
            }
            Matcher matcher = ID_OUTPUT.matcher(output);
            if (id.exitValue() != 0 || !matcher.matches()) {
                throw new LaunchException("Failed to switch to user '" + name + "': no such user on this agent");
            }
            if (!agentIsRoot) {
                throw new LaunchException("Failed to switch to user '" + name + "': the agent runs as '" + agentUser
                        + "', not as root; run it as root or with --no-switch_user");
            }
            return Optional.of(new RunAs(name, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
        } catch (IOException e) {
            throw new LaunchException("Failed to switch to user '" + name + "': cannot run id: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("Failed to switch to user '" + name + "': interrupted", e);
        }
    }

    private static int agentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1; // not Linux: never root as far as switching goes
        }
    }
}
