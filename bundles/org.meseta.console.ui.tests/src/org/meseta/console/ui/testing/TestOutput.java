package org.meseta.console.ui.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.swt.widgets.Shell;

/** Where tests put files for people to look at. */
public final class TestOutput {

    /**
     * The system property naming the folder of the documentation's images ({@code docs/images}); tests that make a
     * documentation screenshot save it there too when it is set (see the pom).
     */
    public static final String DOCS_IMAGES = "meseta.docs.images";

    /** How long the display runs before a documentation screenshot, so that everything shown is painted. */
    private static final Duration SETTLE = Duration.ofMillis(500);

    private TestOutput() {
    }

    /** The bundle's {@code target/} folder. */
    public static File directory() {
        // tycho-surefire runs the tests in the bundle's folder
        return new File(System.getProperty("user.dir"), "target");
    }

    /**
     * The documentation's image folder, when the build was asked to update its screenshots (the property names an
     * existing folder; the pom passes an unset property on as an empty or "null" value).
     */
    public static Optional<File> docsImages() {
        File folder = new File(System.getProperty(DOCS_IMAGES, ""));
        return folder.getPath().isBlank() || !folder.isDirectory() ? Optional.empty() : Optional.of(folder);
    }

    /**
     * Saves what {@code shell} shows as {@code target/screenshots/<name>} and, when the build was asked to update the
     * documentation's screenshots, as {@code docs/images/<name>} too.
     */
    public static File documentationScreenshot(Shell shell, String name) throws IOException {
        File png = new File(directory(), "screenshots/" + name);
        // What the widgets say now is painted a moment later (GTK paints on its frame clock).
        Ui.settle(shell.getDisplay(), SETTLE);
        shell.update();
        Ui.screenshot(shell, png);
        assertTrue(png.length() > 1000, () -> png + " should hold a picture");
        Optional<File> docs = docsImages();
        if (docs.isPresent()) {
            Files.copy(png.toPath(), docs.get().toPath().resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return png;
    }
}
