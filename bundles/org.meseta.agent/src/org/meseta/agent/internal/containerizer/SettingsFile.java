package org.meseta.agent.internal.containerizer;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.meseta.api.json.JsonCodec;
import org.meseta.daemon.DaemonException;

/**
 * The isolation settings the operator changed, saved as {@code <work_dir>/meta/isolation.json} so that they outlive
 * the agent; at start they win over the flags. Replaced atomically (written aside, then renamed), so a crash leaves
 * the old or the new settings, never half of them. Not thread-safe: {@link IsolationControl} saves one change at a
 * time, the daemon loads before the agent exists.
 */
public final class SettingsFile {

    private final Path file;

    public SettingsFile(Path workDir) {
        this.file = workDir.resolve("meta").resolve("isolation.json");
    }

    public Path path() {
        return file;
    }

    /**
     * The saved settings over {@code flags} (a file may set only some), or empty when there is none.
     *
     * @throws DaemonException in one line naming the file, and the field, when it cannot be read or is invalid
     */
    public Optional<IsolationSettings> load(IsolationSettings flags) throws DaemonException {
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DaemonException("Cannot read the isolation settings " + file + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(IsolationSettingsJson.read(json, flags));
        } catch (SettingsRejected e) {
            throw new DaemonException("Invalid isolation settings in " + file + ": " + e.getMessage()
                    + "; fix or remove the file", e);
        }
    }

    /** Saves {@code settings}, replacing what was saved. */
    public void save(IsolationSettings settings) throws IOException {
        Files.createDirectories(file.getParent());
        Path aside = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(aside, JsonCodec.document(generator -> write(generator, settings)));
        Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void write(JsonGenerator generator, IsolationSettings settings) throws IOException {
        generator.writeStartObject();
        IsolationSettingsJson.writeFields(generator, settings);
        generator.writeEndObject();
    }
}
