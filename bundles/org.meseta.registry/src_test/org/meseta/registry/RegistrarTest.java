package org.meseta.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registrar with the file store: what it stores is what a restarted master recovers, and failures stop it. */
class RegistrarTest {

    @TempDir
    Path dir;

    private static Registry await(CompletableFuture<Registry> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aRestartedMasterRecoversWhatWasStored() throws Exception {
        Registry stored;
        try (Registrar registrar = Registrar.recover(new FileRegistryStore(dir))) {
            assertTrue(registrar.registry().isEmpty(), "a new cluster's registry is empty");
            registrar.apply(new RegistryOperation.Admit(RegistryOperationTest.agent("a1")));
            registrar.apply(new RegistryOperation.MarkGone(RegistryOperationTest.agent("a2"),
                    Instant.parse("2026-12-07T10:00:00.123456789Z")));
            registrar.apply(new RegistryOperation.UpdateWeights(Map.of("eng/web", 2.5)));
            stored = await(registrar.apply(new RegistryOperation.UpdateQuota(
                    List.of(RegistryOperationTest.quota("eng", 3)))));
        }

        try (Registrar recovered = Registrar.recover(new FileRegistryStore(dir))) {
            assertEquals(stored, recovered.registry());
            assertEquals(Map.of("eng/web", 2.5), recovered.registry().weights());
            assertEquals(Instant.parse("2026-12-07T10:00:00.123456789Z"),
                    recovered.registry().gone().get("a2").since());
        }
    }

    @Test
    void operationsAreAppliedInOrderAndBatched() throws Exception {
        List<CompletableFuture<Registry>> futures = new ArrayList<>();
        CountingStore store = new CountingStore(new FileRegistryStore(dir));
        try (Registrar registrar = Registrar.recover(store)) {
            for (int i = 0; i < 200; i++) {
                futures.add(registrar.apply(new RegistryOperation.Admit(RegistryOperationTest.agent("a" + i))));
            }
            futures.add(registrar.apply(new RegistryOperation.Remove(RegistryOperationTest.agent("a0").getId())));
            Registry last = await(futures.get(futures.size() - 1));
            assertEquals(199, last.admitted().size());
            assertTrue(await(futures.get(0)).admitted().containsKey("a1") || store.writes > 1);
            assertTrue(store.writes < futures.size(), "batched: " + store.writes + " writes for " + futures.size());
        }
    }

    @Test
    void aFailedWriteFailsTheRegistrarForGood() throws Exception {
        RegistryStore failing = new CountingStore(new FileRegistryStore(dir)) {
            @Override
            public void write(Map<String, Optional<byte[]>> changes) throws RegistryException {
                throw new FencedException("gone");
            }
        };
        try (Registrar registrar = Registrar.recover(failing)) {
            ExecutionException first = assertThrows(ExecutionException.class,
                    () -> await(registrar.apply(new RegistryOperation.Admit(RegistryOperationTest.agent("a1")))));
            assertInstanceOf(FencedException.class, first.getCause());
            ExecutionException later = assertThrows(ExecutionException.class, () -> await(registrar.apply(
                    new RegistryOperation.UpdateWeights(Map.of("eng", 2.0)))));
            assertInstanceOf(FencedException.class, later.getCause());
            assertTrue(registrar.registry().isEmpty(), "nothing was applied");
        }
    }

    @Test
    void aDamagedRegistryFileIsReportedNotGuessed() throws Exception {
        Files.write(dir.resolve("registry.bin"), new byte[] {0, 0, 0, 9, 'a'});
        RegistryException e = assertThrows(RegistryException.class,
                () -> Registrar.recover(new FileRegistryStore(dir)));
        assertEquals("The registry " + dir.resolve("registry.bin") + " is truncated or not a registry",
                e.getMessage());
    }

    /** Counts the writes that reach the store. */
    private static class CountingStore implements RegistryStore {
        private final RegistryStore delegate;
        volatile int writes;

        CountingStore(RegistryStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public Map<String, byte[]> load() throws RegistryException {
            return delegate.load();
        }

        @Override
        public void write(Map<String, Optional<byte[]>> changes) throws RegistryException {
            writes++;
            delegate.write(changes);
        }

        @Override
        public String describe() {
            return delegate.describe();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
