package org.meseta.console.core.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileTailTest {

    @Test
    void theFirstReadGivesTheSizeAndTheTailStartsOneWindowBeforeTheEnd() {
        FileTail small = new FileTail(1000);
        assertFalse(small.isStarted());
        assertEquals(-1, small.nextOffset());

        assertTrue(small.received(new FileChunk(120, "")));
        assertEquals(0, small.nextOffset(), "a small file is read from its start");

        FileTail large = new FileTail(1000);
        large.received(new FileChunk(1_000_000, ""));
        assertEquals(1_000_000 - SandboxFiles.MAX_READ, large.nextOffset());
    }

    @Test
    void eachReadContinuesWhereTheLastEndedCountingBytes() {
        FileTail tail = new FileTail(1000);
        tail.received(new FileChunk(0, ""));

        assertFalse(tail.received(new FileChunk(0, "héllo\n")));
        assertEquals(7, tail.nextOffset(), "é is two bytes");
        tail.received(new FileChunk(7, "world\n"));

        assertEquals("héllo\nworld\n", tail.text());
        assertEquals(13, tail.nextOffset());
        assertFalse(tail.received(new FileChunk(13, "")), "nothing new");
    }

    @Test
    void aFullWindowSaysMoreIsWaiting() {
        FileTail tail = new FileTail(200_000);
        tail.received(new FileChunk(0, ""));

        assertTrue(tail.received(new FileChunk(0, "x".repeat(SandboxFiles.MAX_READ))));
        assertEquals(SandboxFiles.MAX_READ, tail.nextOffset());
    }

    @Test
    void onlyTheLastCharactersAreKeptFromALineStart() {
        FileTail tail = new FileTail(10);
        tail.received(new FileChunk(0, ""));

        tail.received(new FileChunk(0, "line 1\nline 2\nline 3\n"));

        assertEquals("line 3\n", tail.text());
    }

    @Test
    void aFileThatShrankIsReadAgainFromItsStart() {
        FileTail tail = new FileTail(1000);
        tail.received(new FileChunk(0, ""));
        tail.received(new FileChunk(0, "old text\n"));

        assertTrue(tail.received(new FileChunk(3, "")));

        assertEquals(0, tail.nextOffset());
        assertTrue(tail.text().startsWith("[the file was truncated"), tail.text());
    }
}
