package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.syncsim.protocol.wire.Message;

/**
 * Property-based checks of the chunk manager against the sending half (spec §3.6-§3.7): any arrival order
 * assembles the data, and the addon's counting flaw (B15) decides exactly when a transfer completes.
 */
class ChunkManagerPropertiesTest {
    private static List<Message.Chunk> chunks(String data, String tid, int size) {
        List<Message.Chunk> out = new ArrayList<>();
        for (Message m : ChunkSender.split(data, tid, size)) {
            if (m instanceof Message.Chunk c) {
                out.add(c);
            }
        }
        return out;
    }

    @Property(tries = 500)
    void anyArrivalOrderAssemblesTheDataAtTheLastChunk(@ForAll @StringLength(min = 1, max = 20_000) String data,
            @ForAll @IntRange(min = 1, max = 2000) int size, @ForAll long shuffle) {
        ChunkManager m = new ChunkManager();
        List<Message.Chunk> cs = chunks(data, "100-12345", size);
        Collections.shuffle(cs, new Random(shuffle));
        assertEquals(ChunkManager.HeaderOutcome.STARTED, m.onHeader("100-12345", data.length(), cs.size(), 1, 5.0));
        for (int i = 0; i < cs.size(); i++) {
            ChunkManager.ChunkOutcome o = m.onChunk("100-12345", cs.get(i).n(), cs.get(i).payload(), 5.0 + i);
            assertEquals(i == cs.size() - 1 ? ChunkManager.ChunkOutcome.COMPLETED : ChunkManager.ChunkOutcome.STORED, o);
        }
        assertEquals(data, m.retrieve("100-12345", 9.0));
        assertNull(m.retrieve("100-12345", 9.0), "a parked blob is consumed once");
    }

    @Property(tries = 500)
    void aTransferEndsAfterExactlyCountChunksAndAssemblesOnlyIfNoneWasADuplicate(
            @ForAll @IntRange(min = 1, max = 12) int count, @ForAll long seed) {
        Random rnd = new Random(seed);
        String data = "x".repeat(count * 10);
        List<Message.Chunk> cs = chunks(data, "7-10000", 10);
        ChunkManager m = new ChunkManager();
        m.onHeader("7-10000", data.length(), count, 2, 1.0);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            Message.Chunk c = cs.get(rnd.nextInt(count)); // with repeats: duplicates count as progress (B15)
            boolean duplicate = !seen.add(c.n());
            ChunkManager.ChunkOutcome o = m.onChunk("7-10000", c.n(), c.payload(), 2.0);
            if (i < count - 1) {
                assertEquals(duplicate ? ChunkManager.ChunkOutcome.DUPLICATE_COUNTED
                        : ChunkManager.ChunkOutcome.STORED, o);
            } else {
                assertEquals(seen.size() == count ? ChunkManager.ChunkOutcome.COMPLETED
                        : ChunkManager.ChunkOutcome.ASSEMBLY_FAILED, o);
            }
        }
    }

    @Property(tries = 300)
    void chunksBeforeTheirHeaderAreDiscarded(@ForAll @StringLength(min = 1, max = 5000) String data) {
        ChunkManager m = new ChunkManager();
        for (Message.Chunk c : chunks(data, "3-99999", 700)) {
            assertEquals(ChunkManager.ChunkOutcome.UNKNOWN_TRANSFER, m.onChunk("3-99999", c.n(), c.payload(), 1.0));
        }
        assertNull(m.retrieve("3-99999", 2.0));
    }
}
