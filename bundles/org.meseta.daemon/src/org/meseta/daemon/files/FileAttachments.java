package org.meseta.daemon.files;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.meseta.daemon.Actor;

/**
 * Where {@link FilesEndpoints} look up attached paths and which executor reads the files: the seam between the
 * shared {@code /files} endpoints and the daemon that owns the attachments. An agent's attachments change as
 * executors come and go and belong to its actor thread ({@link #confinedTo}); a master's are fixed when it starts
 * ({@link #fixed}).
 *
 * <p>The endpoints call {@link #resolve} and {@link #all} from an event loop, so neither may block; the stages
 * they return may complete on any thread. Everything that touches the file system runs on {@link #reads()}.
 */
public interface FileAttachments {

    /** The attachment {@code virtualPath} falls under and the rest of the path, if any (see {@link AttachedPaths}). */
    CompletionStage<Optional<AttachedPaths.Resolved>> resolve(String virtualPath);

    /** Every attachment, virtual path to directory or file, for {@code /files/debug}. */
    CompletionStage<Map<String, Path>> all();

    /** Runs the blocking file-system work (listing, reading, streaming downloads); never an event loop. */
    Executor reads();

    /** Attachments owned by {@code actor}'s thread: every look-up is a call on it, as every change must be. */
    static FileAttachments confinedTo(Actor actor, AttachedPaths paths, Executor reads) {
        Objects.requireNonNull(actor);
        Objects.requireNonNull(paths);
        Objects.requireNonNull(reads);
        return new FileAttachments() {
            @Override
            public CompletionStage<Optional<AttachedPaths.Resolved>> resolve(String virtualPath) {
                return actor.call(() -> paths.resolve(virtualPath));
            }

            @Override
            public CompletionStage<Map<String, Path>> all() {
                return actor.call(paths::all);
            }

            @Override
            public Executor reads() {
                return reads;
            }
        };
    }

    /** Attachments that never change, virtual path to directory or file; look-ups answer on the caller's thread. */
    static FileAttachments fixed(Map<String, Path> attachments, Executor reads) {
        Objects.requireNonNull(reads);
        // Filled here and only read afterwards; the final field of the returned object publishes it safely.
        AttachedPaths paths = new AttachedPaths();
        attachments.forEach(paths::attach);
        Map<String, Path> all = paths.all();
        return new FileAttachments() {
            @Override
            public CompletionStage<Optional<AttachedPaths.Resolved>> resolve(String virtualPath) {
                return CompletableFuture.completedFuture(paths.resolve(virtualPath));
            }

            @Override
            public CompletionStage<Map<String, Path>> all() {
                return CompletableFuture.completedFuture(all);
            }

            @Override
            public Executor reads() {
                return reads;
            }
        };
    }
}
