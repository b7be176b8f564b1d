package org.meseta.agent.internal.containerizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.meseta.containerizer.api.ContainerId;
import org.meseta.containerizer.api.Isolator;
import org.meseta.containerizer.api.IsolatorException;
import org.meseta.containerizer.api.IsolatorFactory;
import org.meseta.containerizer.api.IsolatorOptions;

/**
 * Reads and changes the agent's isolation settings while it runs ({@code /api/v1/meseta/isolation}). A change is
 * checked whole before anything takes it: the form of each field, then each isolator named is installed and works
 * under the new settings (a new one is created, those already created are reconfigured, and on a refusal those are
 * reconfigured back and the new ones closed). Then it is saved ({@link SettingsFile}), new containers get it, and the
 * settings that running containers can take ({@link Setting#appliesToRunning}) are applied to them through each
 * isolator's {@code update}. Thread-safe: changes come one at a time; blocking, never on the agent's actor thread.
 */
public final class IsolationControl {

    private static final System.Logger LOG = System.getLogger(IsolationControl.class.getName());

    private final Containerizer containerizer;
    private final SettingsFile file;
    private final Path hierarchy;
    private IsolationSettings current;

    /** The settings, by their JSON names, and whether a running container takes a change of them. */
    public enum Setting {
        ISOLATION(IsolationSettingsJson.ISOLATION, false),
        CGROUPS_ENABLE_CFS(IsolationSettingsJson.ENABLE_CFS, true),
        MEMORY_LIMIT_MODE(IsolationSettingsJson.MEMORY_LIMIT_MODE, false),
        PIDS_LIMIT(IsolationSettingsJson.PIDS_LIMIT, true),
        CGROUPS_ROOT(IsolationSettingsJson.ROOT, false);

        private final String field;
        private final boolean appliesToRunning;

        Setting(String field, boolean appliesToRunning) {
            this.field = field;
            this.appliesToRunning = appliesToRunning;
        }

        public String field() {
            return field;
        }

        /** Whether running containers take a new value (the isolator writes it to their cgroups). */
        public boolean appliesToRunning() {
            return appliesToRunning;
        }

        Object of(IsolationSettings settings) {
            return switch (this) {
                case ISOLATION -> settings.isolation();
                case CGROUPS_ENABLE_CFS -> settings.cgroupsEnableCfs();
                case MEMORY_LIMIT_MODE -> settings.memoryLimitMode();
                case PIDS_LIMIT -> settings.pidsLimit();
                case CGROUPS_ROOT -> settings.cgroupsRoot();
            };
        }
    }

    /**
     * What a change did.
     *
     * @param settings the settings now
     * @param changed the settings whose value changed
     * @param appliedToRunning those of {@code changed} that running containers took
     * @param running the running containers they were applied to, each with its failures (empty when it took them)
     */
    public record Change(IsolationSettings settings, List<Setting> changed, List<Setting> appliedToRunning,
            Map<ContainerId, List<String>> running) {}

    /** @param current the settings the containerizer was made with */
    public IsolationControl(Containerizer containerizer, SettingsFile file, Path hierarchy,
            IsolationSettings current) {
        this.containerizer = containerizer;
        this.file = file;
        this.hierarchy = hierarchy;
        this.current = current;
    }

    public synchronized IsolationSettings settings() {
        return current;
    }

    /** The names of the isolators installed, sorted. */
    public List<String> installed() {
        return Isolation.installed();
    }

    /**
     * Changes the settings to what {@code json} sets over them.
     *
     * @throws SettingsRejected naming each field at fault; nothing changed
     * @throws IOException if the settings cannot be saved; nothing changed
     */
    public synchronized Change update(byte[] json) throws SettingsRejected, IOException {
        IsolationSettings next = IsolationSettingsJson.read(json, current);
        List<Setting> changed = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            if (!setting.of(next).equals(setting.of(current))) {
                changed.add(setting);
            }
        }
        if (changed.isEmpty()) {
            return new Change(current, List.of(), List.of(), Map.of());
        }
        IsolatorOptions options = new IsolatorOptions(containerizer.launcher(), next.cgroups(hierarchy));
        Map<String, Isolator> added = create(next, options, changed);
        try {
            file.save(next);
        } catch (IOException e) {
            reconfigureBack();
            added.values().forEach(Isolator::close);
            throw e;
        }
        containerizer.switchTo(next.isolation(), added);
        current = next;
        List<Setting> applied = changed.stream().filter(Setting::appliesToRunning).toList();
        Map<ContainerId, List<String>> running = applied.isEmpty() ? Map.of() : containerizer.reapplyToRunning();
        LOG.log(System.Logger.Level.INFO, "Isolation settings changed ({0}), saved in {1}; applied to {2} running"
                + " container(s)", String.join(", ", changed.stream().map(Setting::field).toList()), file.path(),
                running.size());
        return new Change(next, List.copyOf(changed), applied, running);
    }

    /**
     * Reconfigures every isolator already created with {@code options} and creates those {@code next} adds; on any
     * refusal undoes that and throws.
     *
     * @return the isolators created
     */
    private Map<String, Isolator> create(IsolationSettings next, IsolatorOptions options, List<Setting> changed)
            throws SettingsRejected {
        List<SettingsError> errors = new ArrayList<>();
        Map<String, Isolator> created = containerizer.createdIsolators();
        List<Isolator> reconfigured = new ArrayList<>();
        for (Map.Entry<String, Isolator> isolator : created.entrySet()) {
            try {
                isolator.getValue().reconfigure(options);
                reconfigured.add(isolator.getValue());
            } catch (IsolatorException | RuntimeException e) {
                String field = changed.contains(Setting.CGROUPS_ROOT) ? Setting.CGROUPS_ROOT.field()
                        : Setting.ISOLATION.field();
                errors.add(new SettingsError(field, "isolator '" + isolator.getKey() + "' cannot work with it on this"
                        + " host: " + e.getMessage()));
            }
        }
        Map<String, Isolator> added = new LinkedHashMap<>();
        for (String name : next.isolation()) {
            if (created.containsKey(name)) {
                continue;
            }
            Optional<IsolatorFactory> factory = Isolation.factory(name);
            if (factory.isEmpty()) {
                errors.add(new SettingsError(Setting.ISOLATION.field(), "no isolator named '" + name
                        + "' is installed (installed: " + String.join(", ", installed()) + ")"));
                continue;
            }
            try {
                added.put(name, factory.get().create(options));
            } catch (IsolatorException | RuntimeException e) {
                errors.add(new SettingsError(Setting.ISOLATION.field(), "isolator '" + name
                        + "' cannot work on this host: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            reconfigure(reconfigured);
            added.values().forEach(Isolator::close);
            throw new SettingsRejected(errors);
        }
        return added;
    }

    private void reconfigureBack() {
        reconfigure(List.copyOf(containerizer.createdIsolators().values()));
    }

    /** Gives {@code isolators} the current settings again; they worked with them before. */
    private void reconfigure(List<Isolator> isolators) {
        IsolatorOptions options = new IsolatorOptions(containerizer.launcher(), current.cgroups(hierarchy));
        for (Isolator isolator : isolators) {
            try {
                isolator.reconfigure(options);
            } catch (IsolatorException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "An isolator cannot take back the isolation settings: {0}",
                        e.getMessage());
            }
        }
    }
}
