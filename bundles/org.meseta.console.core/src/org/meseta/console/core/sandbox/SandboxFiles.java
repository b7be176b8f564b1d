package org.meseta.console.core.sandbox;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.meseta.console.core.Credentials;
import org.meseta.console.core.internal.HttpSandboxFiles;

/**
 * Reads the files of an agent's sandboxes through its {@code /files} endpoints (Mesos's: {@code browse} and
 * {@code read}), as the console's sandbox browser does.
 *
 * <p>Thread-safe; every request runs on the HTTP client's threads and returns at once. A future fails with a
 * {@link FilesException} whose message is meant for the user (never a stack trace); it never blocks the caller.
 */
public interface SandboxFiles extends AutoCloseable {

    /** The largest read an agent answers ({@code /files/read} serves at most 64 KiB). */
    int MAX_READ = 64 * 1024;

    /** The entries of directory {@code path} on the agent at {@code agent} ({@code http://host:port}). */
    CompletableFuture<List<FileEntry>> browse(URI agent, String path);

    /**
     * Up to {@code length} bytes of file {@code path} from {@code offset}; an offset of -1 reads nothing and gives the
     * file's size as the chunk's offset.
     */
    CompletableFuture<FileChunk> read(URI agent, String path, long offset, int length);

    /** Frees the HTTP client; requests under way fail. */
    @Override
    void close();

    /** A reader that sends {@code credentials} (if any) and waits {@code timeout} for each answer. */
    static SandboxFiles create(Optional<Credentials> credentials, Duration timeout) {
        return new HttpSandboxFiles(credentials, timeout);
    }
}
