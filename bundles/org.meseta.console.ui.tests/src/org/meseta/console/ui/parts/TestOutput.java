package org.meseta.console.ui.parts;

import java.io.File;

/** Where tests put files for people to look at: the bundle's {@code target/} folder. */
final class TestOutput {

    private TestOutput() {
    }

    static File directory() {
        // tycho-surefire runs the tests in the bundle's folder
        return new File(System.getProperty("user.dir"), "target");
    }
}
