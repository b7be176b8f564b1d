package org.meseta.console.ui.feed;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.ConnectionState;
import org.meseta.console.core.model.ClusterState;

/** The status line of a view: where the connection stands and, while it is live, how big the cluster is. */
public final class StatusText {

    /** The CSS id of a view's status line (see css/console.css). */
    public static final String CSS_ID = "org-meseta-console-ui-status";

    private StatusText() {
    }

    /**
     * A view's status line: a label across the top of {@code parent}, which has a {@code GridLayout}, styled as
     * {@link #CSS_ID}. Its text is the caller's to set, usually {@link #of}. Call on the UI thread.
     */
    public static Label line(Composite parent) {
        Label line = new Label(parent, SWT.NONE);
        line.setData("org.eclipse.e4.ui.css.id", CSS_ID);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).applyTo(line);
        return line;
    }

    /** For example {@code Connected to 127.0.0.1:5050 · 2 agents}, or the state's own description. */
    public static String of(ConnectionState state, ClusterState cluster) {
        if (!state.isConnected()) {
            return state.describe();
        }
        int agents = cluster.agents().size();
        return state.describe() + " · " + agents + (agents == 1 ? " agent" : " agents");
    }
}
