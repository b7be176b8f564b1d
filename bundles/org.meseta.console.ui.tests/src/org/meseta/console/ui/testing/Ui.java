package org.meseta.console.ui.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Event-loop helpers for tests that drive real SWT widgets on the test thread. */
public final class Ui {

    /** How long a test waits for the UI to show something before it fails. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private Ui() {
    }

    /**
     * Runs the event loop until {@code condition} holds, failing after {@code within}; the failure
     * message includes {@code actual}, what the UI showed instead.
     */
    public static void waitUntil(Display display, Duration within, BooleanSupplier condition, String expectation,
            Supplier<String> actual) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Within " + within + ": expected " + expectation + ", but the UI shows " + actual.get());
            }
            // A timer wakes display.sleep() even when no event arrives.
            display.timerExec(20, () -> { });
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** Runs the event loop for {@code period}, whatever happens (to let the display paint). */
    public static void settle(Display display, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < end) {
            display.timerExec(20, () -> { });
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    /** A shell as the console's window: titled {@code Meseta Console}, of this size, its one child filling it. */
    public static Shell consoleShell(int width, int height) {
        Shell shell = new Shell(Display.getDefault());
        shell.setText("Meseta Console");
        shell.setLayout(new FillLayout());
        shell.setSize(width, height);
        return shell;
    }

    /** Handles all pending events. */
    public static void flush(Display display) {
        while (display.readAndDispatch()) {
            // keep dispatching
        }
    }

    /** Saves what {@code shell} shows as a PNG (parent folders are created). */
    public static void screenshot(Shell shell, File png) {
        flush(shell.getDisplay());
        Point size = shell.getSize();
        Image image = new Image(shell.getDisplay(), size.x, size.y);
        GC gc = new GC(shell);
        try {
            gc.copyArea(image, 0, 0);
            png.getParentFile().mkdirs();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] {image.getImageData()};
            loader.save(png.getPath(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
