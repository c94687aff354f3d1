package org.syncsim.protocol.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.wire.Message;

/** Every sender of a blob in one run sends the same payload instances, cut as the addon cuts them. */
class ChunkPayloadsTest {
    @Test
    void theSameBlobGivesTheSamePayloadInstancesCutEvery1800Bytes() {
        ChunkPayloads payloads = new ChunkPayloads();
        String blob = "\u00F1" + "ab".repeat(2000); // 4001 bytes: 1800 + 1800 + 401
        List<String> first = payloads.of(blob);
        assertEquals(List.of(blob.substring(0, 1800), blob.substring(1800, 3600), blob.substring(3600)), first);
        assertSame(first, payloads.of(blob));
        assertEquals(first, payloads.of(new String(blob)), "an equal blob elsewhere is cut the same way");
    }

    @Test
    void aTransferOfCutPayloadsIsTheSplitOfTheBlob() {
        String blob = "\u00F1" + "xyz".repeat(1500);
        List<Message> split = ChunkSender.split(blob, "1700000000-12345", ChunkSender.CHUNK_SIZE);
        assertEquals(split, ChunkSender.transfer(blob.length(), "1700000000-12345", new ChunkPayloads().of(blob)));
    }
}
