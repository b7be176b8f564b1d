package org.meseta.console.ui.dialogs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.MasterAddress;
import org.meseta.console.core.MasterLocation;
import org.meseta.console.core.RecentMasters;
import org.meseta.console.ui.testing.TestOutput;
import org.meseta.console.ui.testing.Ui;

@Timeout(30)
class ConnectDialogTest {

    private static final RecentMasters RECENT = RecentMasters.empty()
            .remember(MasterLocation.parse("10.0.0.2:5050"))
            .remember(MasterLocation.parse("zk://10.0.0.9:2181/mesos"))
            .remember(MasterLocation.parse("10.0.0.1:5050"));

    private Display display;
    private Shell parent;
    private ConnectDialog dialog;

    @BeforeEach
    void createParent() {
        display = Display.getDefault();
        parent = new Shell(display);
    }

    @AfterEach
    void dispose() {
        if (dialog != null) {
            dialog.close();
        }
        parent.dispose();
        Ui.flush(display);
    }

    @Test
    void offersTheRecentMastersMostRecentFirst() {
        open("10.0.0.1:5050");

        assertArrayEquals(new String[] {"10.0.0.1:5050", "zk://10.0.0.9:2181/mesos", "10.0.0.2:5050"},
                dialog.masterField().getItems());
        assertEquals("", dialog.problem());
        assertTrue(dialog.okButton().isEnabled());
    }

    @Test
    void explainsBadInputAndDisablesOkUntilItIsFixed() {
        open("");
        assertFalse(dialog.okButton().isEnabled());
        assertTrue(dialog.problem().startsWith("Enter the master as HOST:PORT"), dialog.problem());

        type("zk://zk1/mesos");
        assertEquals("Invalid ZooKeeper URL 'zk://zk1/mesos': 'zk1' is not host:port", dialog.problem());
        assertFalse(dialog.okButton().isEnabled());

        type("localhost");
        assertEquals("'localhost' has no port: enter HOST:PORT, for example localhost:5050.", dialog.problem());
        assertFalse(dialog.okButton().isEnabled());

        type("localhost:99999");
        assertEquals("Port 99999 is out of range (1-65535).", dialog.problem());
        assertFalse(dialog.okButton().isEnabled());

        type("http://localhost:5050/");
        assertEquals("", dialog.problem());
        assertTrue(dialog.okButton().isEnabled());
    }

    @Test
    void anInvalidStartingTextShowsItsProblemAtOnce() {
        open("master.example.org");

        assertEquals("master.example.org", dialog.masterField().getText());
        assertTrue(dialog.problem().contains("has no port"), dialog.problem());
        assertFalse(dialog.okButton().isEnabled());
    }

    @Test
    void okReturnsTheParsedMaster() {
        open("");
        type(" 127.0.0.1:5050 ");

        dialog.okButton().notifyListeners(SWT.Selection, new Event());

        assertEquals(Window.OK, dialog.getReturnCode());
        assertEquals(Optional.of(new ConnectDialog.Choice(MasterLocation.of(new MasterAddress("127.0.0.1", 5050)),
                Optional.empty())), dialog.choice());
    }

    @Test
    void okReturnsAZooKeeperGroupWithTheCredentialsEntered() {
        open("");
        type("zk://127.0.0.1:2181/mesos");
        dialog.userField().setText("alice");
        dialog.passwordField().setText("s3cret");
        Ui.flush(display);

        dialog.okButton().notifyListeners(SWT.Selection, new Event());

        assertEquals(Optional.of(new ConnectDialog.Choice(MasterLocation.parse("zk://127.0.0.1:2181/mesos"),
                Optional.of(new Credentials("alice", "s3cret")))), dialog.choice());
    }

    @Test
    void savesAScreenshotOfTheDialogWithAZooKeeperGroupAndAUser() throws Exception {
        open("");
        type("zk://10.0.0.9:2181,10.0.0.10:2181/mesos");
        dialog.userField().setText("alice");
        dialog.passwordField().setText("s3cret");
        // The dialog was just opened: let GTK paint it and the text before the picture is taken.
        long painted = System.nanoTime() + Duration.ofMillis(500).toNanos();
        Ui.waitUntil(display, Ui.PATIENCE, () -> System.nanoTime() > painted, "the dialog painted", () -> "");
        dialog.getShell().update();

        File png = new File(TestOutput.directory(), "screenshots/connect-dialog.png");
        Ui.screenshot(dialog.getShell(), png);

        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        assertTrue(dialog.okButton().isEnabled());
        Optional<File> docs = TestOutput.docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve("console-connect.png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void aPasswordWithoutUserIsExplainedAndTheCurrentCredentialsAreOffered() {
        dialog = new ConnectDialog(parent, RECENT, "10.0.0.1:5050", Optional.of(new Credentials("bob", "pw")));
        dialog.setBlockOnOpen(false);
        dialog.open();
        Ui.flush(display);
        assertEquals("bob", dialog.userField().getText());
        assertEquals("pw", dialog.passwordField().getText());
        assertTrue((dialog.passwordField().getStyle() & SWT.PASSWORD) != 0, "the password is not shown");

        dialog.userField().setText("");
        Ui.flush(display);

        assertEquals("Enter a user name, or leave both user and password empty.", dialog.problem());
        assertFalse(dialog.okButton().isEnabled());
    }

    @Test
    void cancelReturnsNoMaster() {
        open("127.0.0.1:5050");

        dialog.cancelButton().notifyListeners(SWT.Selection, new Event());

        assertEquals(Window.CANCEL, dialog.getReturnCode());
        assertEquals(Optional.empty(), dialog.choice());
    }

    @Test
    void closingTheWindowReturnsNoMaster() {
        open("127.0.0.1:5050");

        dialog.close();

        assertEquals(Optional.empty(), dialog.choice());
    }

    private void open(String initialText) {
        dialog = new ConnectDialog(parent, RECENT, initialText, Optional.empty());
        dialog.setBlockOnOpen(false);
        dialog.open();
        Ui.flush(display);
    }

    private void type(String text) {
        dialog.masterField().setText(text);
        Ui.flush(display);
    }
}
