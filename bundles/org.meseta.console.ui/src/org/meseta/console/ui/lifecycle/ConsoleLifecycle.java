package org.meseta.console.ui.lifecycle;

import java.util.Optional;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.PostWorkbenchClose;
import org.eclipse.equinox.app.IApplicationContext;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.ClusterClients;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.MasterOption;
import org.meseta.console.core.RecentMasters;
import org.meseta.console.core.calls.CallClient;
import org.meseta.console.core.calls.CallClients;
import org.meseta.console.core.launch.ConsoleFramework;
import org.meseta.console.core.launch.ConsoleFrameworks;
import org.meseta.console.core.launch.FrameworkSettings;
import org.meseta.console.ui.dialogs.ConnectDialog;
import org.meseta.console.ui.preferences.PaletteStore;
import org.meseta.console.ui.preferences.PreferencesFrameworkMemory;
import org.meseta.console.ui.preferences.RecentMastersStore;

/**
 * Starts a console session before the window opens: puts the {@link ClusterClient} and the
 * {@link RecentMastersStore} into the application context (where parts and handlers get them) and
 * connects to the master named by {@code --master=HOST:PORT|zk://…} or {@code -Dmeseta.master=…},
 * asking with the connect dialog when none or an invalid one was given. Cancelling the dialog
 * opens the console unconnected; File > Connect… is always available.
 *
 * <p>The context also gets the {@link CallClient} that sends the views' actions to the leader the client follows,
 * the console's own {@link ConsoleFramework} (its id and its tasks' definitions kept in the preferences) that
 * launches, moves and kills tasks, and the {@link PaletteStore} of the launch palette.
 */
public class ConsoleLifecycle {

    private ClusterClient client;
    private CallClient calls;
    private ConsoleFramework framework;

    @PostContextCreate
    public void startSession(IEclipseContext context, IApplicationContext application) {
        client = ClusterClients.create();
        RecentMastersStore recentMasters = RecentMastersStore.inInstanceScope();
        client.addListener(recentMasters);
        context.set(ClusterClient.class, client);
        calls = CallClients.following(client);
        context.set(CallClient.class, calls);
        context.set(RecentMastersStore.class, recentMasters);
        framework = ConsoleFrameworks.create(client, PreferencesFrameworkMemory.inInstanceScope(),
                FrameworkSettings.ofThisProcess());
        context.set(ConsoleFramework.class, framework);
        context.set(PaletteStore.class, PaletteStore.inInstanceScope());

        Optional<String> given = MasterOption.find(
                (String[]) application.getArguments().get(IApplicationContext.APPLICATION_ARGS),
                System.getProperty(MasterOption.SYSTEM_PROPERTY));
        Optional<ConnectDialog.Choice> choice = given.flatMap(ConsoleLifecycle::valid)
                .map(master -> new ConnectDialog.Choice(master, Optional.empty()));
        if (choice.isEmpty()) {
            RecentMasters recent = recentMasters.load();
            choice = ConnectDialog.ask(null, recent, given.orElse(recent.mostRecentText()), Optional.empty());
        }
        choice.ifPresent(chosen -> client.connect(chosen.master(), chosen.credentials()));
    }

    private static Optional<MasterLocation> valid(String text) {
        try {
            return Optional.of(MasterLocation.parse(text));
        } catch (IllegalArgumentException invalid) {
            // the dialog shows the text with the reason it is refused
            return Optional.empty();
        }
    }

    /** Stops polling once the window is gone (the application context is not disposed, so no @PreDestroy). */
    @PostWorkbenchClose
    public void endSession() {
        if (framework != null) {
            framework.close();
        }
        if (calls != null) {
            calls.close();
        }
        if (client != null) {
            client.close();
        }
    }
}
