package org.meseta.api.json;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.apache.mesos.v1.scheduler.Protos.Call;
import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing with a fixed seed: whatever bytes arrive, decoding ends in a message or a clean
 * JsonCodecException (Mesos has crashed on malformed JSON before; the codec must not).
 */
class JsonRobustnessTest {

    private static final String SEED_DOCUMENT = """
            {"type":"ACCEPT","framework_id":{"value":"f-0001"},"accept":{"offer_ids":[{"value":"O1"}],
             "operations":[{"type":"LAUNCH","launch":{"task_infos":[{"name":"t","task_id":{"value":"t1"},
             "agent_id":{"value":"S1"},"resources":[{"name":"cpus","type":"SCALAR","scalar":{"value":0.1}},
             {"name":"ports","type":"RANGES","ranges":{"range":[{"begin":31000,"end":"31001"}]}}],
             "command":{"shell":"true","value":"sleep 1e3"},"data":"aGk="}]}}],"filters":{"refuse_seconds":1e1}}}""";

    private static final byte[] INTERESTING =
            "{}[]\",:0-+.eE\\nul\u00e9\ud83d\ude00 1\u0000\u00ff".getBytes(StandardCharsets.UTF_8);

    @Test
    void mutatedDocumentsNeverFailWithAnythingButJsonCodecException() {
        Random random = new Random(20240601L);
        byte[] seed = SEED_DOCUMENT.getBytes(StandardCharsets.UTF_8);
        for (int round = 0; round < 10_000; round++) {
            byte[] mutated = mutate(seed, random);
            try {
                JsonCodec.decode(mutated, Call.newBuilder());
            } catch (JsonCodecException expected) {
                assertNoParserInternals(expected.getMessage());
            } catch (RuntimeException | StackOverflowError unexpected) {
                fail("round " + round + " on " + new String(mutated, StandardCharsets.UTF_8), unexpected);
            }
        }
    }

    @Test
    void theSeedDocumentItselfDecodes() throws JsonCodecException {
        assertTrue(JsonCodec.decode(SEED_DOCUMENT, Call.newBuilder()).getAccept().getOperations(0).hasLaunch());
    }

    // Mutations may put any character into an echoed value, so only what the codec itself adds is checked.
    private static void assertNoParserInternals(String message) {
        for (String internal : new String[] {"com.fasterxml", "REDACTED", "StreamReadFeature", "\n"}) {
            assertFalse(message.contains(internal), () -> "'" + internal + "' in: " + message);
        }
    }

    private static byte[] mutate(byte[] seed, Random random) {
        byte[] out = seed.clone();
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(out.length);
            switch (random.nextInt(4)) {
                case 0 -> out[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                case 1 -> out[at] = (byte) random.nextInt(256);
                case 2 -> out = Arrays.copyOf(out, at);
                default -> {
                    byte[] longer = new byte[out.length + 1];
                    System.arraycopy(out, 0, longer, 0, at);
                    longer[at] = INTERESTING[random.nextInt(INTERESTING.length)];
                    System.arraycopy(out, at, longer, at + 1, out.length - at);
                    out = longer;
                }
            }
            if (out.length == 0) {
                break;
            }
        }
        return out;
    }
}
