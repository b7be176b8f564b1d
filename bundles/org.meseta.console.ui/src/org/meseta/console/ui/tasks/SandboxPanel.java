package org.meseta.console.ui.tasks;

import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.meseta.console.core.Credentials;
import org.meseta.console.core.ResourceFormat;
import org.meseta.console.core.sandbox.FileChunk;
import org.meseta.console.core.sandbox.FileEntry;
import org.meseta.console.core.sandbox.FileTail;
import org.meseta.console.core.sandbox.FilesException;
import org.meseta.console.core.sandbox.Sandbox;
import org.meseta.console.core.sandbox.SandboxFiles;
import org.meseta.console.ui.tables.Column;
import org.meseta.console.ui.tables.RowTable;

/**
 * The sandbox browser of the Tasks view: the files of the selected task's sandbox on its agent ({@code /files/browse}),
 * and the one chosen shown with a live tail (the end of the file, read again with {@code /files/read} from where the
 * last read ended every {@value #POLL_MILLIS} ms while <b>Follow</b> is on). A task's {@code stdout} is opened at
 * once. Directories open with a double click; <b>Up</b> goes back towards the sandbox.
 *
 * <p>UI thread only. Requests run on the HTTP client's threads and come back through {@link UISynchronize}; at most
 * one read is under way, and answers for a file or directory no longer shown are dropped.
 */
final class SandboxPanel {

    /** How often a followed file is read again. */
    static final int POLL_MILLIS = 1000;
    /** How much of a file is kept on screen, in characters. */
    static final int KEEP_CHARS = 256 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final UISynchronize ui;
    private final Composite control;
    private final Label location;
    private final Button up;
    private final RowTable<FileEntry> files;
    private final StyledText content;
    private final Button follow;
    private final Label problem;
    private SandboxFiles reader;
    private Optional<Credentials> readerCredentials = Optional.empty();
    private Sandbox sandbox;
    private String root;
    private String directory;
    private String file;
    private FileTail tail;
    /** Whether the first window of the file shown was read (it is shown even when not following). */
    private boolean windowRead;
    /** Count the listings and the files asked for: an answer for an older one is dropped. */
    private int listings;
    private int reads;
    private boolean reading;

    SandboxPanel(Composite parent, UISynchronize ui) {
        this.ui = ui;
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(control);
        up = new Button(control, SWT.PUSH);
        up.setText("Up");
        up.setToolTipText("The directory above, up to the sandbox");
        up.addListener(SWT.Selection, event -> goUp());
        location = new Label(control, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).align(SWT.FILL, SWT.CENTER).applyTo(location);
        follow = new Button(control, SWT.CHECK);
        follow.setText("&Follow");
        follow.setToolTipText("Keep reading the file as it grows, and show its end");
        follow.setSelection(true);
        follow.addListener(SWT.Selection, event -> scheduleRead(0));
        problem = new Label(control, SWT.WRAP);
        problem.setForeground(control.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(problem);
        SashForm split = new SashForm(control, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, true).applyTo(split);
        files = new RowTable<>(split, FileEntry.class, List.of(
                new Column<>("Name", 130, entry -> entry.isDirectory() ? entry.name() + "/" : entry.name()),
                new Column<>("Size", 70, entry -> entry.isDirectory() ? "" : bytes(entry.size()))), FileEntry::path);
        files.viewer().addSelectionChangedListener(event -> files.selected().filter(entry -> !entry.isDirectory())
                .ifPresent(entry -> open(entry.path())));
        files.viewer().addDoubleClickListener(event -> files.selected().filter(FileEntry::isDirectory)
                .ifPresent(entry -> browse(entry.path())));
        content = new StyledText(split, SWT.BORDER | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL);
        content.setFont(JFaceResources.getTextFont());
        split.setWeights(30, 70);
        control.addDisposeListener(event -> closeReader());
        showNothing("Select a task to browse its sandbox.");
    }

    Composite control() {
        return control;
    }

    /**
     * Shows the sandbox of a task (its stdout, if it has one), read with {@code credentials}; nothing when empty.
     * Showing the sandbox already shown changes nothing.
     */
    void show(Optional<Sandbox> shown, Optional<Credentials> credentials, String noSandbox) {
        if (shown.isEmpty()) {
            sandbox = null;
            showNothing(noSandbox);
            return;
        }
        if (shown.get().equals(sandbox)) {
            return;
        }
        if (reader == null || !credentials.equals(readerCredentials)) {
            closeReader();
            reader = SandboxFiles.create(credentials, TIMEOUT);
            readerCredentials = credentials;
        }
        sandbox = shown.get();
        root = sandbox.executorDirectory();
        file = null;
        tail = null;
        content.setText("");
        Optional<String> taskDirectory = sandbox.taskDirectory();
        // A task of its executor has a directory of its own, when the default executor made one.
        browse(taskDirectory.orElse(root), taskDirectory.isPresent());
    }

    private void showNothing(String why) {
        listings++;
        reads++;
        reading = false;
        directory = null;
        file = null;
        tail = null;
        files.show(List.of());
        content.setText("");
        location.setText(why);
        problem.setText("");
        up.setEnabled(false);
        control.layout();
    }

    private void browse(String path) {
        browse(path, false);
    }

    /** Lists {@code path}; if it is not there and {@code fallBack}, the executor's sandbox instead. */
    private void browse(String path, boolean fallBack) {
        int asked = ++listings;
        URI agent = sandbox.agent();
        reader.browse(agent, path).whenComplete((entries, failure) -> ui.asyncExec(() -> {
            if (asked != listings || control.isDisposed()) {
                return;
            }
            if (failure != null && fallBack) {
                browse(root, false);
            } else if (failure != null) {
                problem.setText("Cannot list " + path + ": " + FilesException.messageOf(failure));
                control.layout();
            } else {
                listed(path, entries);
            }
        }));
    }

    private void listed(String path, List<FileEntry> entries) {
        directory = path;
        if (!path.startsWith(root)) {
            root = path;
        }
        location.setText(sandbox.agent().getRawAuthority() + " " + path);
        location.setToolTipText(location.getText());
        up.setEnabled(!path.equals(root));
        problem.setText("");
        files.show(entries.stream().sorted(Comparator.comparing((FileEntry entry) -> !entry.isDirectory())
                .thenComparing(FileEntry::name)).toList());
        control.layout();
        entries.stream().filter(entry -> entry.name().equals("stdout") && !entry.isDirectory()).findFirst()
                .filter(entry -> file == null || !file.startsWith(path))
                .ifPresent(entry -> open(entry.path()));
    }

    private void goUp() {
        if (directory != null && !directory.equals(root)) {
            browse(directory.substring(0, directory.lastIndexOf('/')));
        }
    }

    /** Shows the end of {@code path} and follows it. */
    private void open(String path) {
        if (path.equals(file)) {
            return;
        }
        file = path;
        tail = new FileTail(KEEP_CHARS);
        windowRead = false;
        content.setText("");
        reads++;
        reading = false;
        scheduleRead(0);
    }

    private void scheduleRead(int delayMillis) {
        if (file == null || reading || control.isDisposed()) {
            return;
        }
        int asked = reads;
        control.getDisplay().timerExec(delayMillis, () -> {
            if (asked == reads && !control.isDisposed() && !reading
                    && (follow.getSelection() || !windowRead)) {
                read(asked);
            }
        });
    }

    private void read(int asked) {
        reading = true;
        FileTail followed = tail;
        CompletableFuture<FileChunk> answer = reader.read(sandbox.agent(), file, followed.nextOffset(),
                SandboxFiles.MAX_READ);
        answer.whenComplete((chunk, failure) -> ui.asyncExec(() -> {
            if (asked != reads || control.isDisposed()) {
                return;
            }
            reading = false;
            if (failure != null) {
                problem.setText("Cannot read " + file + ": " + FilesException.messageOf(failure));
                control.layout();
                scheduleRead(POLL_MILLIS);
                return;
            }
            problem.setText("");
            boolean wasStarted = followed.isStarted();
            boolean more = followed.received(chunk);
            windowRead |= wasStarted;
            showText(followed.text());
            scheduleRead(more ? 0 : POLL_MILLIS);
        }));
    }

    private void showText(String text) {
        if (!text.equals(content.getText())) {
            content.setText(text);
            if (follow.getSelection()) {
                content.setTopIndex(Math.max(0, content.getLineCount() - 1));
            }
        }
    }

    private void closeReader() {
        if (reader != null) {
            reader.close();
            reader = null;
        }
    }

    private static String bytes(long size) {
        return size < 1024 ? size + " B" : ResourceFormat.megabytes(size / 1024.0 / 1024.0);
    }

    // Test access (the UI tests are a fragment in this package).

    String directory() {
        return directory;
    }

    String file() {
        return file;
    }

    String text() {
        return content.getText();
    }

    String problem() {
        return problem.getText();
    }

    String locationText() {
        return location.getText();
    }

    RowTable<FileEntry> files() {
        return files;
    }
}
