package org.meseta.registry;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of a master without ZooKeeper: one file, {@code <dir>/registry.bin}, rewritten whole for every write
 * (aside, forced to disk, then renamed over the old one, so a crash leaves the old or the new registry). Each entry is
 * its key's length (4 bytes, big-endian) and UTF-8 key, then its value's length and value. Only one master may use a
 * directory; nothing fences it.
 */
public final class FileRegistryStore implements RegistryStore {

    private static final String FILE = "registry.bin";

    private final Path file;
    private Map<String, byte[]> entries;

    public FileRegistryStore(Path dir) {
        this.file = dir.resolve(FILE);
    }

    @Override
    public Map<String, byte[]> load() throws RegistryException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            entries = new HashMap<>();
            return Map.copyOf(entries);
        } catch (IOException e) {
            throw new RegistryException("Cannot read the registry " + file + ": " + e.getMessage(), e);
        }
        Map<String, byte[]> read = new HashMap<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                String key = new String(next(buffer), StandardCharsets.UTF_8);
                read.put(key, next(buffer));
            }
        } catch (BufferUnderflowException | NegativeArraySizeException e) {
            throw new RegistryException("The registry " + file + " is truncated or not a registry", e);
        }
        entries = read;
        return Map.copyOf(entries);
    }

    private static byte[] next(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.getInt()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public void write(Map<String, Optional<byte[]>> changes) throws RegistryException {
        if (entries == null) {
            load();
        }
        Map<String, byte[]> next = new HashMap<>(entries);
        changes.forEach((key, value) -> {
            if (value.isPresent()) {
                next.put(key, value.get());
            } else {
                next.remove(key);
            }
        });
        try {
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling(FILE + ".new");
            Files.write(temp, serialize(next), StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new RegistryException("Cannot write the registry " + file + ": " + e.getMessage(), e);
        }
        entries = next;
    }

    private static byte[] serialize(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
            out.writeInt(key.length);
            out.write(key);
            out.writeInt(entry.getValue().length);
            out.write(entry.getValue());
        }
        return bytes.toByteArray();
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {
        // nothing held open
    }
}
