package org.meseta.registry.internal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.mesos.v1.Protos.AgentInfo;
import org.apache.mesos.v1.Protos.DrainInfo;
import org.apache.mesos.v1.Protos.TimeInfo;
import org.apache.mesos.v1.Protos.WeightInfo;
import org.apache.mesos.v1.quota.Protos.QuotaConfig;
import org.meseta.registry.Registry;
import org.meseta.registry.RegistryException;

/**
 * The registry as store entries, one per agent or role, so that a change rewrites only what it touches:
 *
 * <pre>
 *   admitted/&lt;agent id&gt;      AgentInfo
 *   unreachable/&lt;agent id&gt;   TimeInfo, then AgentInfo (each length-delimited)
 *   gone/&lt;agent id&gt;          TimeInfo, then AgentInfo (each length-delimited)
 *   deactivated/&lt;agent id&gt;   (empty)
 *   draining/&lt;agent id&gt;      DrainInfo
 *   weights/&lt;role&gt;           WeightInfo
 *   quota/&lt;role&gt;             QuotaConfig
 * </pre>
 *
 * Values are binary protobuf of Mesos's v1 messages. Stateless.
 */
public final class RegistryCodec {

    private RegistryCodec() {}

    public static Map<String, byte[]> encode(Registry registry) {
        Map<String, byte[]> entries = new HashMap<>();
        registry.admitted().forEach((id, info) -> entries.put("admitted/" + id, info.toByteArray()));
        registry.unreachable().forEach((id, marked) -> entries.put("unreachable/" + id, marked(marked)));
        registry.gone().forEach((id, marked) -> entries.put("gone/" + id, marked(marked)));
        registry.deactivated().forEach(id -> entries.put("deactivated/" + id, new byte[0]));
        registry.draining().forEach((id, drain) -> entries.put("draining/" + id, drain.toByteArray()));
        registry.weights().forEach((role, weight) -> entries.put("weights/" + role,
                WeightInfo.newBuilder().setRole(role).setWeight(weight).build().toByteArray()));
        registry.quotas().forEach((role, quota) -> entries.put("quota/" + role, quota.toByteArray()));
        return entries;
    }

    /**
     * @throws RegistryException naming the entry that is not what its key says
     */
    public static Registry decode(Map<String, byte[]> entries) throws RegistryException {
        SortedMap<String, AgentInfo> admitted = new TreeMap<>();
        SortedMap<String, Registry.Marked> unreachable = new TreeMap<>();
        SortedMap<String, Registry.Marked> gone = new TreeMap<>();
        Set<String> deactivated = new TreeSet<>();
        SortedMap<String, DrainInfo> draining = new TreeMap<>();
        SortedMap<String, Double> weights = new TreeMap<>();
        SortedMap<String, QuotaConfig> quotas = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String key = entry.getKey();
            int slash = key.indexOf('/');
            String kind = slash < 0 ? key : key.substring(0, slash);
            String name = slash < 0 ? "" : key.substring(slash + 1);
            byte[] value = entry.getValue();
            try {
                switch (kind) {
                    case "admitted" -> admitted.put(name, AgentInfo.parseFrom(value));
                    case "unreachable" -> unreachable.put(name, marked(value));
                    case "gone" -> gone.put(name, marked(value));
                    case "deactivated" -> deactivated.add(name);
                    case "draining" -> draining.put(name, DrainInfo.parseFrom(value));
                    case "weights" -> weights.put(name, WeightInfo.parseFrom(value).getWeight());
                    case "quota" -> quotas.put(name, QuotaConfig.parseFrom(value));
                    default -> throw new RegistryException("Unknown registry entry '" + key + "'");
                }
            } catch (IOException e) {
                throw new RegistryException("Registry entry '" + key + "' is unreadable: " + e.getMessage(), e);
            }
        }
        return new Registry(admitted, unreachable, gone, deactivated, draining, weights, quotas);
    }

    private static byte[] marked(Registry.Marked marked) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            TimeInfo.newBuilder().setNanoseconds(marked.since().getEpochSecond() * 1_000_000_000L
                    + marked.since().getNano()).build().writeDelimitedTo(bytes);
            marked.info().writeDelimitedTo(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static Registry.Marked marked(byte[] value) throws IOException {
        CodedInputStream in = CodedInputStream.newInstance(value);
        TimeInfo time = TimeInfo.parseFrom(in.readByteArray());
        AgentInfo info = AgentInfo.parseFrom(in.readByteArray());
        if (!in.isAtEnd()) {
            throw new InvalidProtocolBufferException("trailing bytes");
        }
        long nanos = time.getNanoseconds();
        return new Registry.Marked(info, Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L),
                Math.floorMod(nanos, 1_000_000_000L)));
    }
}
