package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;
import org.syncsim.protocol.chunk.ChunkManager.ChunkOutcome;
import org.syncsim.protocol.chunk.ChunkManager.HeaderOutcome;
import org.syncsim.protocol.wire.Message;

class ChunkManagerTest {
    private static final String TID = "1747458002-48213";

    private static String data(int length) {
        StringBuilder sb = new StringBuilder("\u00F1");
        while (sb.length() < length) {
            sb.append((char) ('A' + sb.length() % 26));
        }
        return sb.toString();
    }

    @Test
    void splitSendsHeaderThenCeilLengthOver1800ChunksInOrder() {
        String d = data(3713);
        List<Message> msgs = ChunkSender.split(d, TID, ChunkSender.CHUNK_SIZE);
        assertEquals(new Message.ChunkHeader(3713, TID, 3), msgs.get(0));
        assertEquals(4, msgs.size());
        assertEquals(new Message.Chunk(TID, 1, d.substring(0, 1800)), msgs.get(1));
        assertEquals(new Message.Chunk(TID, 3, d.substring(3600)), msgs.get(3));
    }

    @Test
    void messagesLongerThan2000AreChunked() {
        assertFalse(ChunkSender.needsChunking(2000));
        assertTrue(ChunkSender.needsChunking(2001));
    }

    @Test
    void transferIdIsWallSecondsDashFiveDigitRandom() {
        UniformRandomProvider rng = RandomStreams.fresh(1, "tid");
        for (int i = 0; i < 10_000; i++) {
            String tid = ChunkSender.transferId(1747458002L, rng);
            assertTrue(tid.matches("1747458002-\\d{5}"), tid);
            int r = Integer.parseInt(tid.substring(11));
            assertTrue(r >= 10000 && r <= 99999);
        }
    }

    @Test
    void inOrderTransferCompletesAndReferenceConsumesTheBlob() {
        ChunkManager cm = new ChunkManager();
        String d = data(3713);
        List<Message> msgs = ChunkSender.split(d, TID, 1800);
        assertEquals(HeaderOutcome.STARTED, cm.onHeader(TID, 3713, 3, 7, 100));
        assertEquals(ChunkOutcome.STORED, cm.onChunk(TID, 1, ((Message.Chunk) msgs.get(1)).payload(), 100));
        assertEquals(ChunkOutcome.STORED, cm.onChunk(TID, 2, ((Message.Chunk) msgs.get(2)).payload(), 100));
        assertEquals(ChunkOutcome.COMPLETED, cm.onChunk(TID, 3, ((Message.Chunk) msgs.get(3)).payload(), 100));
        assertEquals(d, cm.retrieve(TID, 101));
        assertNull(cm.retrieve(TID, 101), "retrieve consumes the parked blob");
        assertEquals(HeaderOutcome.IGNORED_COMPLETED, cm.onHeader(TID, 3713, 3, 7, 102));
        assertEquals(ChunkOutcome.UNKNOWN_TRANSFER, cm.onChunk(TID, 1, "x", 102));
    }

    @Test
    void duplicateChunkCountsAsProgressAndBreaksCompletion() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader(TID, 5400, 3, 7, 0);
        cm.onChunk(TID, 1, "a", 0);
        assertEquals(ChunkOutcome.DUPLICATE_COUNTED, cm.onChunk(TID, 1, "a", 0));
        assertEquals(ChunkOutcome.ASSEMBLY_FAILED, cm.onChunk(TID, 2, "b", 0), "count reached 3 with slot 3 empty");
        assertEquals(ChunkOutcome.STORED, cm.onChunk(TID, 3, "c", 0), "count 4 > 3: equality never holds again");
        assertEquals(4, cm.receivedCount(TID));
        assertEquals("abc", cm.retrieve(TID, 1), "a late reference still assembles lazily");
    }

    @Test
    void duplicateHeaderMidTransferWipesReceivedChunks() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader(TID, 5400, 3, 7, 0);
        cm.onChunk(TID, 1, "a", 0);
        cm.onChunk(TID, 2, "b", 0);
        assertEquals(HeaderOutcome.RESTARTED, cm.onHeader(TID, 5400, 3, 7, 0));
        assertEquals(ChunkOutcome.STORED, cm.onChunk(TID, 3, "c", 0));
        assertNull(cm.retrieve(TID, 0));
        assertEquals(1, cm.receivingCount());
    }

    @Test
    void incompleteTransferNeverTimesOutUntilAnotherCompletesAnHourLater() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader("old", 3600, 2, 7, 0);
        cm.onChunk("old", 1, "a", 0);
        cm.onHeader("new", 10, 1, 7, 3599);
        cm.onChunk("new", 1, "x", 3599);
        assertEquals(1, cm.receivingCount(), "the sweep only drops entries older than 3600 s");
        cm.onHeader("later", 10, 1, 7, 7200);
        assertEquals(2, cm.receivingCount(), "nothing expires by itself");
        cm.onChunk("later", 1, "y", 7200);
        assertEquals(0, cm.receivingCount(), "swept when another transfer completes");
        assertFalse(cm.isCompleted("new"), "completed ids are swept after an hour too");
        assertEquals(1, cm.storedCount(), "only the fresh blob remains parked");
    }

    @Test
    void referenceBeforeChunksFindsNothing() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader(TID, 2, 1, 7, 0);
        assertNull(cm.retrieve(TID, 0));
        assertEquals(ChunkOutcome.COMPLETED, cm.onChunk(TID, 1, "zz", 0));
        assertEquals(1, cm.storedCount(), "the blob is parked but nothing will ask for it again");
    }

    @Test
    void aChunkAloneInitialisesTheManagerAsProcessChunkCallsInitialize() {
        ChunkManager cm = new ChunkManager();
        assertEquals(ChunkOutcome.UNKNOWN_TRANSFER, cm.onChunk(TID, 1, "x", 5));
        assertTrue(cm.isInitialized(), "a reference arriving after it is then looked up (BSEC checks this)");
    }

    @Test
    void aChunkKeepsItsTransferFromTheHourlySweepThatItsHeaderAloneWouldNotSurvive() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader("old-1", 10, 2, 1, 0);
        assertEquals(ChunkOutcome.STORED, cm.onChunk("old-1", 1, "a", 3000)); // the transfer's time is now 3000
        cm.onHeader("new-1", 1, 1, 2, 3700);
        assertEquals(ChunkOutcome.COMPLETED, cm.onChunk("new-1", 1, "b", 3700)); // a completion sweeps at 3700
        assertEquals(1, cm.receivedCount("old-1"), "3700 - 3000 is within the hour");
        assertTrue(cm.isCompleted("new-1"));
        assertFalse(cm.isCompleted("old-1"));
        cm.onHeader("new-2", 1, 1, 2, 6601);
        cm.onChunk("new-2", 1, "c", 6601);
        assertEquals(-1, cm.receivedCount("old-1"), "6601 - 3000 is past the hour");
    }

    @Test
    void aReferenceToATransferThatReceivedNothingFindsNoBlobEvenIfItExpectsNothing() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader(TID, 0, 0, 1, 10);
        assertNull(cm.retrieve(TID, 11), "assembly is tried again only once something was received");
        assertEquals(0, cm.receivedCount(TID));
    }

    @Test
    void aChunkNumberedBeyondTheCountIsStoredAsADuplicateAndCounted() {
        ChunkManager cm = new ChunkManager();
        cm.onHeader(TID, 5, 2, 1, 10);
        assertEquals(ChunkOutcome.DUPLICATE_COUNTED, cm.onChunk(TID, 5, "zz", 10));
        assertEquals(ChunkOutcome.ASSEMBLY_FAILED, cm.onChunk(TID, 1, "a", 11), "two counted, slot 2 empty (B15)");
    }

    @Test
    void aReferenceWhoseIdStartsWithAColonNamesTheEmptyTransfer() {
        assertEquals("", ChunkSender.transferIdOf("CHUNKED::x"));
        assertEquals("12-345", ChunkSender.transferIdOf("CHUNKED:12-345:rest"));
        assertEquals("12-345", ChunkSender.transferIdOf("CHUNKED:12-345"));
    }

    @Test
    void everyReceiverOfOneReferenceGetsOneIdInstanceAndACopyOfItAnEqualId() {
        String reference = ChunkSender.reference("1747458000-54321");
        String id = ChunkSender.transferIdOf(reference);
        assertEquals("1747458000-54321", id);
        org.junit.jupiter.api.Assertions.assertSame(id, ChunkSender.transferIdOf(reference));
        String copy = new String(reference);
        assertEquals(id, ChunkSender.transferIdOf(copy));
        for (int k = 0; k < 5000; k++) { // far more references than are remembered
            assertEquals("7-" + k, ChunkSender.transferIdOf(ChunkSender.reference("7-" + k) + ":x"));
        }
        assertEquals(id, ChunkSender.transferIdOf(reference), "forgotten, cut again");
    }
}
