package org.meseta.console.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.meseta.console.core.ClusterClient;
import org.meseta.console.core.RecentMasters;
import org.meseta.console.ui.dialogs.ConnectDialog;
import org.meseta.console.ui.preferences.RecentMastersStore;

import jakarta.inject.Named;

/**
 * File > Connect…: asks for a master (and credentials, starting with the current ones) and switches the console to
 * it.
 */
public class ConnectHandler {

    @Execute
    public void execute(@Named(IServiceConstants.ACTIVE_SHELL) Shell shell, ClusterClient client,
            RecentMastersStore recentMasters) {
        RecentMasters recent = recentMasters.load();
        ConnectDialog.ask(shell, recent, recent.mostRecentText(), client.credentials())
                .ifPresent(choice -> client.connect(choice.master(), choice.credentials()));
    }
}
