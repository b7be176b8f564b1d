package org.meseta.daemon.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The directories and files {@code /files} may serve, each under a virtual path, as Mesos's files process "attaches"
 * them: on an agent, an executor run's sandbox under its real path, under the path of its executor's {@code latest}
 * symlink and under {@code /frameworks/<framework>/executors/<executor>/runs/latest}, and the agent's log file as
 * {@code /slave/log}; on a master, its log file as {@code /master/log}. Anything not under an attached path does not
 * exist for {@code /files}. Not thread-safe: its owner confines it to one thread, or fills it once and only reads it
 * afterwards (see {@link FileAttachments}). {@link #resolve} only splits paths, the file system is checked by
 * {@link ConfinedFiles}.
 */
public final class AttachedPaths {

    private final Map<String, Path> attached = new TreeMap<>();

    /**
     * Serves {@code directory} (or a single file) under {@code virtualPath} (a trailing slash is ignored), replacing
     * what was there.
     */
    public void attach(String virtualPath, Path directory) {
        attached.put(strip(virtualPath), directory);
    }

    /** Stops serving {@code virtualPath} if it still serves {@code directory} (a newer run may have taken it over). */
    public void detach(String virtualPath, Path directory) {
        attached.remove(strip(virtualPath), directory);
    }

    /** Every attachment, virtual path to directory or file, for {@code /files/debug}. */
    public Map<String, Path> all() {
        return Map.copyOf(attached);
    }

    /**
     * The attachment a virtual path falls under (the longest attached prefix, at a {@code /} boundary) and the rest
     * of the path below it, e.g. {@code stdout} or {@code dir/file}; empty when none does.
     */
    public Optional<Resolved> resolve(String virtualPath) {
        String path = strip(virtualPath);
        for (String prefix = path; !prefix.isEmpty(); prefix = parent(prefix)) {
            Path directory = attached.get(prefix);
            if (directory != null) {
                String rest = path.substring(prefix.length());
                return Optional.of(new Resolved(directory, rest.startsWith("/") ? rest.substring(1) : rest));
            }
        }
        return Optional.empty();
    }

    /**
     * A virtual path under an attachment.
     *
     * @param directory the attached directory (or file)
     * @param relative what follows the attached prefix, empty for the attachment itself; not yet checked
     */
    public record Resolved(Path directory, String relative) {}

    private static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "" : path.substring(0, slash);
    }

    private static String strip(String path) {
        String stripped = path;
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
    }
}
