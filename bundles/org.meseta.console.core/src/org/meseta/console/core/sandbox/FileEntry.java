package org.meseta.console.core.sandbox;

import java.time.Instant;

/**
 * One entry of a sandbox directory, as an agent's {@code /files/browse} describes it. Immutable.
 *
 * @param path its path as the agent serves it (under the directory browsed)
 * @param mode {@code ls -l}'s ten characters, such as {@code drwxr-xr-x}
 * @param size its size in bytes
 * @param modified when it was last modified
 */
public record FileEntry(String path, String mode, long size, Instant modified) {

    /** Whether it is a directory (its mode starts with {@code d}). */
    public boolean isDirectory() {
        return mode.startsWith("d");
    }

    /** The last part of its path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
