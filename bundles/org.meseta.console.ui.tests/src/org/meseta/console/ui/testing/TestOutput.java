package org.meseta.console.ui.testing;

import java.io.File;
import java.util.Optional;

/** Where tests put files for people to look at. */
public final class TestOutput {

    /**
     * The system property naming the folder of the documentation's images ({@code docs/images}); tests that make a
     * documentation screenshot save it there too when it is set (see the pom).
     */
    public static final String DOCS_IMAGES = "meseta.docs.images";

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
}
