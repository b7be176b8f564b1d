package org.meseta.agent.internal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.Attribute;
import org.apache.mesos.v1.Protos.Resource;
import org.meseta.api.protobuf.ProtobufCodec;
import org.meseta.api.resources.Attributes;
import org.meseta.api.resources.ResourceParseException;
import org.meseta.api.resources.Resources;
import org.meseta.daemon.DaemonException;

/**
 * The agent's identity under {@code --work_dir}, in Mesos's layout, so that a restarted agent re-registers under
 * the id its master gave it instead of appearing as a new agent:
 *
 * <pre>
 *   &lt;work_dir&gt;/meta/slaves/&lt;agent id&gt;/slave.info   the admitted AgentInfo, binary protobuf
 *   &lt;work_dir&gt;/meta/slaves/latest                   symbolic link to the directory of the current id
 *   &lt;work_dir&gt;/meta/resources/resources.info         the total the master last gave (dynamic reservations)
 * </pre>
 *
 * Both are replaced atomically (written aside, then renamed), so a crash leaves the old or the new checkpoint,
 * never half of one. On start the agent recovers under Mesos's default {@code --reconfiguration_policy=equal}:
 * if its hostname, port, resources or attributes differ from the checkpoint it refuses to start, naming what
 * changed; removing {@code latest} makes it register as a new agent.
 *
 * <p>Not thread-safe: the agent saves from its actor thread, the daemon recovers before the agent exists.
 */
final class AgentCheckpoint {

    static final String INFO_FILE = "slave.info";
    /** What an agent id must look like to name a directory: no separators, no {@code .} or {@code ..}. */
    private static final Pattern DIRECTORY_NAME = Pattern.compile("(?!\\.{1,2}$)[A-Za-z0-9._-]+");

    private final Path slaves;
    private final Path latest;
    private final Path resources;

    AgentCheckpoint(Path workDir) {
        this.slaves = workDir.resolve("meta").resolve("slaves");
        this.latest = slaves.resolve("latest");
        this.resources = workDir.resolve("meta").resolve("resources").resolve("resources.info");
    }

    /** The {@code latest} link, for messages that tell the operator what to remove. */
    Path latest() {
        return latest;
    }

    /**
     * The AgentInfo to subscribe with: {@code current}, with the checkpointed id if there is a checkpoint.
     *
     * @throws DaemonException in one line when the checkpoint cannot be read or {@code current} is not equal to it
     */
    AgentInfo recover(AgentInfo current) throws DaemonException {
        Optional<AgentInfo> previous = read();
        if (previous.isEmpty()) {
            return current;
        }
        List<String> changes = changes(previous.get(), current);
        if (!changes.isEmpty()) {
            throw new DaemonException("Incompatible agent info in " + latest + ": " + String.join(", ", changes)
                    + "; " + remedy());
        }
        return current.toBuilder().setId(previous.get().getId()).build();
    }

    /**
     * Checkpoints {@code info}, which carries the id the master gave, and points {@code latest} at it.
     *
     * @throws IOException if the files cannot be written or the id cannot name a directory
     */
    void save(AgentInfo info) throws IOException {
        String id = info.getId().getValue();
        if (!DIRECTORY_NAME.matcher(id).matches()) {
            throw new IOException("the agent id '" + id + "' cannot name a directory");
        }
        Path directory = Files.createDirectories(slaves.resolve(id));
        writeAtomically(directory.resolve(INFO_FILE), info.toByteArray());
        // Relative, so that the work_dir can be moved as a whole.
        Path link = slaves.resolve("latest.new");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(id));
        Files.move(link, latest, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Forgets the agent's id: {@code latest} is removed, so that the agent registers as a new agent next time.
     *
     * @throws DaemonException if the link cannot be removed
     */
    void forget() throws DaemonException {
        try {
            Files.deleteIfExists(latest);
        } catch (IOException e) {
            throw new DaemonException("Cannot remove " + latest + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checkpoints the total the master gave the agent ({@code UPDATE_TOTAL}: its dynamic reservations), as Mesos's
     * agent checkpoints its resources: a sequence of {@code Resource} messages, each after its 4-byte big-endian
     * length.
     *
     * @throws IOException if the file cannot be written
     */
    void saveTotal(List<Resource> total) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        for (Resource resource : total) {
            byte[] encoded = resource.toByteArray();
            out.writeInt(encoded.length);
            out.write(encoded);
        }
        Files.createDirectories(resources.getParent());
        writeAtomically(resources, bytes.toByteArray());
    }

    /**
     * The total checkpointed by {@link #saveTotal}, for an agent that recovered its id; empty if there is none.
     *
     * @throws DaemonException in one line when the file cannot be read
     */
    Optional<List<Resource>> recoverTotal() throws DaemonException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(resources);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw unreadable(resources, String.valueOf(e.getMessage()));
        }
        List<Resource> total = new ArrayList<>();
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        try {
            while (buffer.hasRemaining()) {
                byte[] encoded = new byte[buffer.getInt()];
                buffer.get(encoded);
                total.add(Resource.parseFrom(encoded));
            }
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw unreadable(resources, "it is not a resources checkpoint (" + e.getMessage() + ")");
        }
        return Optional.of(total);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".new");
        try {
            Files.write(temp, content, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.SYNC);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private Optional<AgentInfo> read() throws DaemonException {
        if (!Files.exists(latest, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        Path file = latest.resolve(INFO_FILE);
        AgentInfo info;
        try {
            info = parse(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw unreadable(file, "it does not exist");
        } catch (InvalidProtocolBufferException e) {
            throw unreadable(file, "it is not an AgentInfo checkpoint (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw unreadable(file, String.valueOf(e.getMessage()));
        }
        if (info.getId().getValue().isEmpty()) {
            throw unreadable(file, "it holds no agent id");
        }
        return Optional.of(info);
    }

    private static AgentInfo parse(byte[] bytes) throws InvalidProtocolBufferException {
        return ProtobufCodec.decode(bytes, AgentInfo.newBuilder()).build();
    }

    private DaemonException unreadable(Path file, String reason) {
        return new DaemonException("Cannot recover the agent from " + file + ": " + reason + "; " + remedy());
    }

    private String remedy() {
        return "remove " + latest + " to register as a new agent";
    }

    /** What Mesos's "equal" policy refuses to see change, as phrases for the operator. */
    private List<String> changes(AgentInfo previous, AgentInfo current) throws DaemonException {
        List<String> changes = new ArrayList<>();
        if (!previous.getHostname().equals(current.getHostname())) {
            changes.add("hostname changed from '" + previous.getHostname() + "' to '" + current.getHostname() + "'");
        }
        if (previous.getPort() != current.getPort()) {
            changes.add("port changed from " + previous.getPort() + " to " + current.getPort());
        }
        Resources before = resources(previous);
        Resources after = resources(current);
        if (!before.equals(after)) {
            changes.add("resources changed from '" + before + "' to '" + after + "'");
        }
        if (!sameAttributes(previous.getAttributesList(), current.getAttributesList())) {
            changes.add("attributes changed from '" + Attributes.toText(previous.getAttributesList()) + "' to '"
                    + Attributes.toText(current.getAttributesList()) + "'");
        }
        return changes;
    }

    private Resources resources(AgentInfo info) throws DaemonException {
        try {
            return Resources.of(info.getResourcesList());
        } catch (ResourceParseException e) {
            throw unreadable(latest.resolve(INFO_FILE), e.getMessage());
        }
    }

    /** Equal as Mesos compares attributes: the same ones, in any order. */
    private static boolean sameAttributes(List<Attribute> previous, List<Attribute> current) {
        List<Attribute> unmatched = new ArrayList<>(current);
        return previous.size() == current.size() && previous.stream().allMatch(unmatched::remove);
    }
}
