package org.meseta.agent.internal.containerizer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.meseta.agent.internal.executor.ContainerLauncher;
import org.meseta.containerizer.api.CgroupsOptions;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;
import org.meseta.daemon.DaemonException;
import org.meseta.daemon.NamedServices;

/**
 * Makes the containerizer {@code --isolation} asks for: each name is looked up as an {@link IsolatorFactory} service,
 * which a plugin bundle may provide, and the isolator it creates is checked against this host. Anything wrong stops
 * the agent's start with one line naming the isolator and why. Blocking; called at start-up.
 */
public final class Isolation {

    /** Mesos's default {@code --isolation}. */
    public static final String DEFAULT = "posix/cpu,posix/mem";

    /** How long start-up waits for an isolator's service to be registered. */
    private static final Duration EXTENSION_WAIT = Duration.ofSeconds(5);

    private Isolation() {}

    /**
     * The names of a {@code --isolation} value, comma-separated, in order; an empty value names none.
     *
     * @throws DaemonException for an empty name or a name given twice
     */
    public static List<String> names(String flag) throws DaemonException {
        if (flag.isBlank()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : flag.split(",", -1)) {
            String trimmed = name.strip();
            if (trimmed.isEmpty()) {
                throw new DaemonException("Invalid --isolation '" + flag + "': an isolator name is empty");
            }
            if (!names.add(trimmed)) {
                throw new DaemonException("Invalid --isolation '" + flag + "': duplicate entry '" + trimmed + "'");
            }
        }
        return List.copyOf(names);
    }

    /**
     * Creates the isolators named, with the agent's launcher and cgroups flags; the agent then tells them what it
     * recovered ({@link Containerizer#recover}). Those created before a failure are closed again.
     *
     * @throws DaemonException naming an isolator that is not installed or cannot work on this host
     */
    public static Containerizer containerizer(List<String> names, ContainerLauncher launcher, CgroupsOptions cgroups)
            throws DaemonException {
        Map<String, Isolator> isolators = new LinkedHashMap<>();
        IsolatorOptions options = new IsolatorOptions(launcher, cgroups);
        try {
            for (String name : names) {
                isolators.put(name, create(name, options));
            }
        } catch (DaemonException e) {
            isolators.values().forEach(Isolator::close);
            throw e;
        }
        return new Containerizer(launcher, isolators);
    }

    /** The names of the isolators installed now, sorted. */
    public static List<String> installed() {
        return NamedServices.names(Isolation.class, IsolatorFactory.class, IsolatorFactory.NAME_PROPERTY).stream()
                .sorted().toList();
    }

    /** The factory of the isolator {@code name}, if it is installed now. */
    static Optional<IsolatorFactory> factory(String name) {
        return NamedServices.await(Isolation.class, IsolatorFactory.class, IsolatorFactory.NAME_PROPERTY, name,
                Duration.ZERO);
    }

    private static Isolator create(String name, IsolatorOptions options) throws DaemonException {
        IsolatorFactory factory = NamedServices.await(Isolation.class, IsolatorFactory.class,
                IsolatorFactory.NAME_PROPERTY, name, EXTENSION_WAIT).orElseThrow(() -> new DaemonException(
                        "Invalid --isolation '" + name + "': no isolator of that name is installed (installed: "
                                + String.join(", ", installed()) + ")"));
        try {
            return factory.create(options);
        } catch (IsolatorException e) {
            throw new DaemonException("Invalid --isolation '" + name + "': the isolator cannot work on this host: "
                    + e.getMessage(), e);
        }
    }
}
