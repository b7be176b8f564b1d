package org.meseta.daemon.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.mesos.v1.Protos.FileInfo;
import org.apache.mesos.v1.Protos.TimeInfo;

/**
 * The v1 operator calls {@code LIST_FILES} and {@code READ_FILE} over a daemon's {@link FileAttachments}, shared by
 * the master's and the agent's {@code /api/v1} (each wraps the answer in its own {@code Response}), and the file
 * look-up {@link FilesEndpoints} use too. As in Mesos: a path outside every attachment or that does not exist is 404,
 * reading a directory or an offset or length beyond the signed range (a negative {@code off_t} to Mesos) is 400.
 * The file system is only touched on the attachments' {@linkplain FileAttachments#reads() executor}. Stateless.
 */
public final class FileCalls {

    private FileCalls() {}

    /** What a call answers: a value, or the HTTP status and reason that refuse it. */
    public sealed interface Result<T> {
        record Done<T>(T value) implements Result<T> {}

        record Refused<T>(int status, String reason) implements Result<T> {}
    }

    /** A {@code READ_FILE} answer: the file's size and the bytes read (empty at or past the end). */
    public record ReadChunk(long size, byte[] data) {}

    /** Work on a found file; runs on the reads executor. */
    @FunctionalInterface
    public interface FileFunction<T> {
        Result<T> apply(Path file) throws IOException;
    }

    /**
     * Finds the file {@code virtualPath} names and applies {@code function} to it on the reads executor; 404 when
     * there is no such file, 500 when {@code function} fails to read it.
     */
    public static <T> CompletionStage<Result<T>> onFile(FileAttachments files, String virtualPath,
            FileFunction<T> function) {
        return files.resolve(virtualPath).thenApplyAsync(resolved -> {
            Optional<Path> file = resolved.flatMap(ConfinedFiles::locate);
            if (file.isEmpty()) {
                return new Result.Refused<>(404, "Path '" + virtualPath + "' not found.");
            }
            try {
                return function.apply(file.get());
            } catch (IOException e) {
                return new Result.Refused<>(500, "Failed to read '" + virtualPath + "': " + e.getMessage());
            }
        }, files.reads());
    }

    /** {@code LIST_FILES}: the entries of a directory sorted by path; a file lists as nothing, as in Mesos. */
    public static CompletionStage<Result<List<FileInfo>>> list(FileAttachments files, String virtualPath) {
        String base = virtualPath.endsWith("/") ? virtualPath.substring(0, virtualPath.length() - 1) : virtualPath;
        return onFile(files, virtualPath, file -> new Result.Done<>(Files.isDirectory(file)
                ? ConfinedFiles.list(file, base).stream().map(FileCalls::fileInfo).toList()
                : List.of()));
    }

    /**
     * {@code READ_FILE}: up to {@code length} bytes (all when absent, at most a bounded chunk) from {@code offset}.
     * Both are protobuf {@code uint64}s, so values above {@link Long#MAX_VALUE} arrive negative.
     */
    public static CompletionStage<Result<ReadChunk>> read(FileAttachments files, String virtualPath, long offset,
            Optional<Long> length) {
        if (offset < 0) {
            return refused(400, "Negative offset provided: " + offset + ".");
        }
        if (length.isPresent() && length.get() < 0) {
            return refused(400, "Negative length provided: " + length.get() + ".");
        }
        return onFile(files, virtualPath, file -> {
            if (Files.isDirectory(file)) {
                return new Result.Refused<>(400, "Cannot read a directory.");
            }
            ConfinedFiles.Chunk chunk = ConfinedFiles.read(file, offset, length.orElse(-1L));
            return new Result.Done<>(new ReadChunk(chunk.size(), chunk.data()));
        });
    }

    private static FileInfo fileInfo(ConfinedFiles.Entry entry) {
        return FileInfo.newBuilder().setPath(entry.path()).setNlink((int) entry.nlink()).setSize(entry.size())
                .setMtime(TimeInfo.newBuilder().setNanoseconds(entry.mtime() * 1_000_000_000L))
                .setMode(entry.mode()).setUid(entry.uid()).setGid(entry.gid()).build();
    }

    private static <T> CompletionStage<Result<T>> refused(int status, String reason) {
        return CompletableFuture.completedFuture(new Result.Refused<>(status, reason));
    }
}
