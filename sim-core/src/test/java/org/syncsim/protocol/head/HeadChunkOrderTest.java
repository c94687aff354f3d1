package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.data.SheetSpec;

/** The chunk transfers of one push go out in the {@code chunk-order} chosen; the BSECs stay ascending (§6(e)). */
class HeadChunkOrderTest {
    private static final long T = HeadRaid.EPOCH - 3600;
    /** The sections whose BSEC exceeds 2000 characters: not contiguous. */
    private static final Set<Integer> CHUNKED = Set.of(3, 7, 12, 13, 16);

    /** A 16-section sheet whose sections in {@link #CHUNKED} are big and the others small. */
    private static EncodedSheet mixed(HeadRaid raid) {
        EncodedSheet big = HeadRaid.encode(HeadRaid.sheet(raid.sim, "big", SheetSpec.of(16, 40, 10)), T);
        EncodedSheet small = HeadRaid.encode(HeadRaid.sheet(raid.sim, "small", SheetSpec.of(16, 2, 2)), T);
        List<String> blobs = new ArrayList<>();
        for (int i = 1; i <= 16; i++) {
            String blob = (CHUNKED.contains(i) ? big : small).sectionBlobs().get(i - 1);
            assertEquals(CHUNKED.contains(i), ("BSEC:" + T + ":" + i + ":" + blob).length() > 2000, "section " + i);
            blobs.add(blob);
        }
        return new EncodedSheet(big.names(), blobs, big.structureBlob());
    }

    /** The sections of the chunk transfers a lone holder sends when asked with {@code BSREQ:0}, in sending order. */
    private static List<Integer> transferOrder(FixedChoices.ChunkOrder order) {
        HeadRaid raid = new HeadRaid(5, true);
        EncodedSheet sheet = mixed(raid);
        FixedChoices choices = new FixedChoices(true, order, AddonTimers.Order.SCHEDULED, FixedChoices.LuaRandom.INDEPENDENT,
                FixedChoices.DEFAULTS.lua());
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withChoices(choices)
                .withInitialData(new InitialData.Saved(T, sheet)));
        int fake = raid.addFake();
        raid.form();
        raid.inject(10, fake, "BSREQ:0");
        raid.runUntil(20);
        Map<String, Integer> sectionOfTransfer = new HashMap<>();
        List<Integer> bsecOrder = new ArrayList<>();
        for (TestChannel.Sent s : raid.channel.sent("BSEC", 0)) {
            String[] f = s.text().split(":");
            bsecOrder.add(Integer.parseInt(f[2]));
            if (f.length == 5 && f[3].equals("CHUNKED")) {
                sectionOfTransfer.put(f[4], Integer.parseInt(f[2]));
            }
        }
        assertEquals(16, bsecOrder.size());
        for (int k = 1; k < bsecOrder.size(); k++) {
            assertTrue(bsecOrder.get(k - 1) < bsecOrder.get(k), "BSECs ascending: " + bsecOrder);
        }
        List<Integer> transfers = new ArrayList<>();
        for (TestChannel.Sent s : raid.channel.sent("CHUNKED", 0)) {
            Integer section = sectionOfTransfer.get(s.text().split(":")[2]);
            if (section != null) { // else the structure's transfer
                transfers.add(section);
            }
        }
        return transfers;
    }

    @Test
    void ascendingDescendingAndLuaPairs() {
        assertEquals(List.of(3, 7, 12, 13, 16), transferOrder(FixedChoices.ChunkOrder.ASCENDING));
        assertEquals(List.of(16, 13, 12, 7, 3), transferOrder(FixedChoices.ChunkOrder.DESCENDING));
        // Lua 5.0's pairs() over {3, 7, 12, 13, 16} assigned ascending (traced in LuaPairsOrderTest)
        assertEquals(List.of(12, 7, 13, 16, 3), transferOrder(FixedChoices.ChunkOrder.LUA_PAIRS));
    }
}
