package org.meseta.agent.internal.checkpoint;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.mesos.v1.Protos.TaskStatus;
import org.meseta.api.protobuf.ProtobufCodec;

/**
 * A task's {@code task.updates} file: the status updates the agent took for the task and the framework's
 * acknowledgements, in the order they happened. Each record is a 4-byte big-endian length, then a type byte
 * ({@value #UPDATE} for a {@code TaskStatus}, {@value #ACKNOWLEDGEMENT} for an acknowledged uuid), then the payload.
 * Records are appended and forced to disk before the agent acts on them; a crash in the middle of an append leaves a
 * torn last record, which {@link #read} ignores, as the agent had not acted on it. Stateless.
 */
final class UpdateRecords {

    static final byte UPDATE = 1;
    static final byte ACKNOWLEDGEMENT = 2;
    private static final int HEADER = 5;

    private UpdateRecords() {}

    /** The updates of a task and the uuids acknowledged, read back. */
    record Replay(List<TaskStatus> updates, List<ByteString> acknowledged) {}

    static void appendUpdate(Path file, TaskStatus status) throws IOException {
        append(file, UPDATE, status.toByteArray());
    }

    static void appendAcknowledgement(Path file, ByteString uuid) throws IOException {
        append(file, ACKNOWLEDGEMENT, uuid.toByteArray());
    }

    private static void append(Path file, byte type, byte[] payload) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length).putInt(payload.length + 1).put(type)
                .put(payload).flip();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            while (record.hasRemaining()) {
                channel.write(record);
            }
            channel.force(false);
        }
    }

    /**
     * Reads every whole record; a file that does not exist holds none.
     *
     * @throws IOException if the file cannot be read or a whole record is not what it says it is
     */
    static Replay read(Path file) throws IOException {
        ByteBuffer bytes;
        try {
            bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return new Replay(List.of(), List.of());
        }
        List<TaskStatus> updates = new ArrayList<>();
        List<ByteString> acknowledged = new ArrayList<>();
        while (bytes.remaining() >= HEADER) {
            int length = bytes.getInt();
            if (length < 1 || length > bytes.remaining()) {
                break; // torn by a crash while it was appended
            }
            byte type = bytes.get();
            byte[] payload = new byte[length - 1];
            bytes.get(payload);
            switch (type) {
                case UPDATE -> updates.add(parse(file, payload));
                case ACKNOWLEDGEMENT -> acknowledged.add(ByteString.copyFrom(payload));
                default -> throw new IOException(file + " holds a record of unknown type " + type);
            }
        }
        return new Replay(updates, acknowledged);
    }

    private static TaskStatus parse(Path file, byte[] payload) throws IOException {
        try {
            return ProtobufCodec.decode(payload, TaskStatus.newBuilder()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new IOException(file + " holds an update that is not a TaskStatus: " + e.getMessage(), e);
        }
    }
}
