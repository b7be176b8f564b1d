package org.meseta.console.ui.testing;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.launch.ConsoleFrameworks;
import org.meseta.console.core.launch.FrameworkMemory;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.core.launch.Palette;
import org.meseta.console.core.launch.TaskDefinition;
import org.meseta.console.ui.preferences.PaletteStore;

/** What the console's lifecycle gives its views, made for tests: the console's framework and the palette's store. */
public final class Consoles {

    /** The framework's name in tests: tasks run as the user running the tests, the only one the agents know. */
    public static final FrameworkSettings SETTINGS = FrameworkSettings.of(System.getProperty("user.name"),
            "console.test").withWaits(Duration.ofSeconds(20), Duration.ofSeconds(30));

    private Consoles() {
    }

    /** A console framework of {@code client} that remembers in memory only; close it after the test. */
    public static ConsoleFramework framework(ClusterClient client) {
        return ConsoleFrameworks.create(client, FrameworkMemory.inMemory(), SETTINGS);
    }

    /** A palette store of its own, holding {@code definitions}, so that tests do not see each other's palettes. */
    public static PaletteStore paletteStore(TaskDefinition... definitions) {
        PaletteStore store = new PaletteStore(InstanceScope.INSTANCE.getNode("org.meseta.console.ui.tests")
                .node(UUID.randomUUID().toString()));
        store.save(new Palette(List.of(definitions)));
        return store;
    }
}
