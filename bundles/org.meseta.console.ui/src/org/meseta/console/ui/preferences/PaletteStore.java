package org.meseta.console.ui.preferences;

import org.meseta.console.core.launch.Palette;
import org.osgi.service.prefs.Preferences;

/**
 * Keeps the launch palette's definitions in a preference node, as one value ({@link Palette#encode()}). Thread-safe
 * (preference nodes are); the palette saves on the UI thread, a small local file. A failure to write is logged and
 * otherwise ignored.
 */
public final class PaletteStore {

    /** The preference key holding the palette. */
    public static final String KEY = "palette";

    private final Preferences node;

    public PaletteStore(Preferences node) {
        this.node = node;
    }

    /** The store in the console's instance-scope preferences. */
    public static PaletteStore inInstanceScope() {
        return new PaletteStore(PreferenceNodes.console());
    }

    /** The stored palette; empty if nothing (readable) is stored. */
    public Palette load() {
        return Palette.decode(node.get(KEY, ""));
    }

    /** Stores {@code palette} in place of the stored one. */
    public void save(Palette palette) {
        node.put(KEY, palette.encode());
        PreferenceNodes.flush(node, "the launch palette");
    }
}
