package org.meseta.agent.internal.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code --switch_user} as Mesos has it; {@code root} and {@code nobody} exist on every Linux machine. */
class UserSwitchTest {

    @Test
    void aRootAgentRunsTasksAsTheUserAskedFor() throws Exception {
        RunAs nobody = new UserSwitch(true, "root", true).resolve(Optional.of("nobody")).orElseThrow();

        assertEquals("nobody", nobody.user());
        assertEquals(Optional.empty(), new UserSwitch(true, "root", true).resolve(Optional.of("root")),
                "its own user needs no switch");
        assertEquals(Optional.empty(), new UserSwitch(true, "root", true).resolve(Optional.empty()));
    }

    @Test
    void anAgentThatIsNotRootFailsTasksOfOtherUsers() {
        assertEquals("Failed to switch to user 'nobody': the agent runs as 'meseta', not as root; run it as root or"
                + " with --no-switch_user", assertThrows(LaunchException.class,
                        () -> new UserSwitch(true, "meseta", false).resolve(Optional.of("nobody"))).getMessage());
    }

    @Test
    void aUserThisMachineDoesNotHaveFailsTheTask() {
        assertEquals("Failed to switch to user 'no-such-user-meseta': no such user on this agent", assertThrows(
                LaunchException.class, () -> new UserSwitch(true, "root", true)
                        .resolve(Optional.of("no-such-user-meseta"))).getMessage());
    }

    @Test
    void withoutSwitchUserEverythingRunsAsTheAgent() throws Exception {
        assertEquals(Optional.empty(), new UserSwitch(false, "meseta", false).resolve(Optional.of("nobody")));
    }
}
