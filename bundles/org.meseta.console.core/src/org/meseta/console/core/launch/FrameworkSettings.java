package org.meseta.console.core.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How the console's framework presents itself to the master and how long it waits.
 *
 * @param name the framework's name, as the Frameworks view and the master's endpoints show it
 * @param user the user its tasks run as on the agents
 * @param hostname the host it runs on (its {@code FrameworkInfo.hostname})
 * @param failoverTimeout how long the master keeps the framework and its tasks after the console went away, for a
 *        console started again to subscribe as the same framework
 * @param offerTimeout how long a launch waits for an offer of its agent
 * @param taskTimeout how long a launch waits for its task to run, and a kill for the task to end
 * @param connectTimeout how long to wait for the master to accept a connection and to answer a call
 */
public record FrameworkSettings(String name, String user, String hostname, Duration failoverTimeout,
        Duration offerTimeout, Duration taskTimeout, Duration connectTimeout) {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    /** @throws IllegalArgumentException if a name is blank or a duration is not positive */
    public FrameworkSettings {
        for (String text : new String[] {name, user, hostname}) {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("The framework's name, user and hostname must not be blank");
            }
        }
        for (Duration duration : new Duration[] {failoverTimeout, offerTimeout, taskTimeout, connectTimeout}) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("The framework's timeouts must be positive, not " + duration);
            }
        }
    }

    /**
     * The settings of a console run by {@code user} on {@code hostname}: named {@code Meseta console (user@host)},
     * kept a week after the console went away, 30 s to get an offer, 2 minutes for a task to run or end, 3 s to
     * connect.
     */
    public static FrameworkSettings of(String user, String hostname) {
        return new FrameworkSettings("Meseta console (" + user + "@" + hostname + ")", user, hostname,
                Duration.ofDays(7), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofSeconds(3));
    }

    /**
     * {@link #of} the user running this JVM on this host, named as the kernel names it (Linux), else as the
     * environment's {@code HOSTNAME} does, else {@code localhost}, without asking a name service: this runs as the
     * console starts.
     */
    public static FrameworkSettings ofThisProcess() {
        String hostname;
        try {
            hostname = Files.readString(KERNEL_HOSTNAME).strip();
        } catch (IOException e) {
            hostname = "";
        }
        if (hostname.isEmpty()) {
            hostname = Optional.ofNullable(System.getenv("HOSTNAME")).filter(name -> !name.isBlank())
                    .orElse("localhost");
        }
        return of(System.getProperty("user.name", "root"), hostname);
    }

    /** These settings with other waits for offers and tasks. */
    public FrameworkSettings withWaits(Duration offer, Duration task) {
        return new FrameworkSettings(name, user, hostname, failoverTimeout, offer, task, connectTimeout);
    }
}
