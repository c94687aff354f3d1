package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.Lua50Trip;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.data.codec.LuaVersion;

/** An import whose sheet trips LibCompress under the game's Lua 5.0 (see {@code LibCompress}). */
class Lua50ImportTest {
    private static final long OLD = HeadRaid.EPOCH - 86_400;

    /** Four members holding an old sheet; member 0 imports a sheet whose second section trips the compressor. */
    private static HeadRaid importTripping(LuaVersion lua) {
        HeadRaid probe = new HeadRaid(5, true);
        AssignmentSet old = HeadRaid.sheet(probe.sim, "old", SheetSpec.of(2, 10, 8));
        AssignmentSet fresh = new AssignmentSet(List.of(HeadRaid.sheet(probe.sim, "new", SheetSpec.of(1, 10, 8))
                .sections().get(0), Lua50Trip.section(HeadRaid.EPOCH + 10)));
        EncodedSheet saved = HeadRaid.encode(old, OLD);
        FixedChoices choices = new FixedChoices(true, FixedChoices.ChunkOrder.ASCENDING,
                FixedChoices.DEFAULTS.timerOrder(), FixedChoices.LuaRandom.INDEPENDENT, lua);
        HeadRaid raid = new HeadRaid(5, true).add(4, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withChoices(choices).withInitialData(new InitialData.Saved(OLD, saved))).form();
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(60);
        return raid;
    }

    @Test
    void underLua50NoMemberCanLoadTheTrippingSectionAndEachBstrErrs() {
        HeadRaid raid = importTripping(LuaVersion.LUA_5_0);
        assertTrue(raid.metrics.syncedAt.containsKey(0), "the importer holds what it imported");
        for (int i = 1; i < 4; i++) {
            int member = i;
            assertTrue(!raid.metrics.syncedAt.containsKey(i), "member " + i + " never has the whole sheet");
            assertTrue(raid.metrics.events.stream().anyMatch(e -> e.client() == member && e.kind().equals("aborted")
                    && e.detail().startsWith("BSTR")), "B29 on the BSTR that leaves section 2 missing: "
                    + raid.metrics.events.stream().filter(e -> e.client() == member && e.kind().equals("aborted"))
                            .toList());
        }
    }

    @Test
    void underLua51TheSameImportSyncsEveryMember() {
        HeadRaid raid = importTripping(LuaVersion.LUA_5_1);
        for (int i = 0; i < 4; i++) {
            assertTrue(raid.metrics.syncedAt.containsKey(i), "member " + i + " synced");
        }
        assertEquals(0, raid.metrics.count("aborted"));
    }
}
