package org.meseta.console.ui.preferences;

import java.lang.System.Logger.Level;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

/** The console's preference node and how its stores write it. Stateless. */
final class PreferenceNodes {

    /** The node of the console's preferences in the instance scope (the running product's workspace). */
    static final String CONSOLE = "org.meseta.console.ui";

    private static final System.Logger LOG = System.getLogger(PreferenceNodes.class.getName());

    private PreferenceNodes() {
    }

    /** The console's node in the instance scope. */
    static Preferences console() {
        return InstanceScope.INSTANCE.getNode(CONSOLE);
    }

    /**
     * Writes {@code node} to its backing store; a failure is logged and otherwise ignored: losing what the console
     * remembers is not worth interrupting the user.
     *
     * @param what what is lost if the write fails, for the log
     */
    static void flush(Preferences node, String what) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            LOG.log(Level.WARNING, "Could not save " + what, e);
        }
    }
}
