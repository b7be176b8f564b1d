package org.meseta.console.ui.testing;

import java.nio.file.Path;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.swt.DisplayUISynchronize;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.launch.ConsoleFramework;

/**
 * What a view under test against a real master needs, as the console's lifecycle gives it: a shell on the real
 * display, the cluster client, the call client and the console's framework, and the {@link RealCluster} the test
 * starts. {@link #close} ends them all, the view first, newest first.
 */
public final class ViewHarness implements AutoCloseable {

    private final RealCluster cluster;
    private final Display display = Display.getDefault();
    private final Shell shell;
    private final ClusterClient client = ClusterClients.create();
    private final CallClient calls = CallClients.following(client);
    private final ConsoleFramework framework = Consoles.framework(client);
    private Runnable view = () -> { };

    private ViewHarness(Path workDir, int width, int height) {
        cluster = new RealCluster(workDir);
        shell = new Shell(display);
        shell.setText("Meseta Console");
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
    }

    /** A harness with a shell of {@code width} × {@code height} and a cluster (not started yet) in {@code workDir}. */
    public static ViewHarness open(Path workDir, int width, int height) {
        return new ViewHarness(workDir, width, height);
    }

    /** {@code dispose} ends the view under test (its {@code @PreDestroy}), before everything else is closed. */
    public void view(Runnable dispose) {
        view = dispose;
    }

    public RealCluster cluster() {
        return cluster;
    }

    public Display display() {
        return display;
    }

    public Shell shell() {
        return shell;
    }

    public ClusterClient client() {
        return client;
    }

    public CallClient calls() {
        return calls;
    }

    public ConsoleFramework framework() {
        return framework;
    }

    /** The UI synchronizer of the display, as e4 injects it. */
    public UISynchronize ui() {
        return new DisplayUISynchronize(display);
    }

    @Override
    public void close() throws Exception {
        view.run();
        framework.close();
        calls.close();
        client.close();
        shell.dispose();
        Ui.flush(display);
        cluster.close();
    }
}
