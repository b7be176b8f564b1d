package org.meseta.daemon.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The file-system side of {@code /files}: finds the file a {@link AttachedPaths.Resolved} path names, refusing
 * anything that is not really inside its attachment (through {@code ..} or a symlink leading out), lists
 * directories and reads parts of files with Mesos's rules. Blocking: call it off actor threads and off the event
 * loops. Stateless and thread-safe.
 */
public final class ConfinedFiles {

    /** Mesos reads at most 16 pages per {@code /files/read}. */
    static final int MAX_READ_BYTES = 16 * 4096;

    private ConfinedFiles() {}

    /**
     * One entry of a directory listing, the fields of Mesos's {@code FileInfo}.
     *
     * @param mode the {@code st_mode} bits, type included
     * @param mtime seconds since the epoch
     */
    public record Entry(String path, int mode, long nlink, String uid, String gid, long size, long mtime) {

        /** {@code ls -l}'s ten characters, e.g. {@code drwxr-xr-x}, as Mesos's {@code /files/browse} shows them. */
        public String modeText() {
            return ConfinedFiles.mode(mode);
        }
    }

    /** What {@link #read} returns: the offset read from, the bytes there (empty at or past the end), the file's size. */
    public record Chunk(long offset, byte[] data, long size) {}

    /**
     * The real path of a resolved virtual path, if it exists inside its attachment; an attached file is found only
     * as itself.
     */
    public static Optional<Path> locate(AttachedPaths.Resolved resolved) {
        try {
            Path base = resolved.directory().toRealPath();
            Path candidate = base.resolve(resolved.relative()).normalize();
            if (!candidate.startsWith(base)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            return real.startsWith(base) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The entries of {@code directory} sorted by path, each named {@code virtualPath/name}; entries that cannot be
     * examined (e.g. dangling symlinks) are left out, as Mesos does.
     */
    public static List<Entry> list(Path directory, String virtualPath) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                describe(child, virtualPath + "/" + child.getFileName()).ifPresent(entries::add);
            }
        }
        entries.sort(Comparator.comparing(Entry::path));
        return entries;
    }

    /**
     * Reads from {@code file} at {@code offset} (-1: the end) up to {@code length} bytes (-1: to the end), at most
     * {@value #MAX_READ_BYTES}; at or past the end the chunk is empty and its offset is the file's size.
     */
    public static Chunk read(Path file, long offset, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long from = offset == -1 ? size : offset;
            if (from >= size) {
                return new Chunk(size, new byte[0], size);
            }
            long wanted = length == -1 ? size - from : length;
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(Math.min(wanted, size - from), MAX_READ_BYTES));
            while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
                // reads until the buffer is full or the file ends
            }
            byte[] data = new byte[buffer.position()];
            buffer.flip().get(data);
            return new Chunk(from, data, size);
        }
    }

    private static Optional<Entry> describe(Path child, String virtualPath) {
        try {
            Map<String, Object> stat = Files.readAttributes(child, "unix:mode,nlink,owner,group,size,lastModifiedTime");
            return Optional.of(new Entry(virtualPath, (Integer) stat.get("mode"),
                    ((Number) stat.get("nlink")).longValue(), ((UserPrincipal) stat.get("owner")).getName(),
                    ((GroupPrincipal) stat.get("group")).getName(), (Long) stat.get("size"),
                    ((FileTime) stat.get("lastModifiedTime")).toInstant().getEpochSecond()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code ls -l}'s ten characters, e.g. {@code drwxr-xr-x}, as Mesos shows them. */
    static String mode(int mode) {
        char type = switch (mode & 0170000) {
            case 0040000 -> 'd';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0010000 -> 'p';
            case 0120000 -> 'l';
            case 0140000 -> 's';
            default -> '-';
        };
        StringBuilder text = new StringBuilder().append(type);
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            text.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return text.toString();
    }
}
