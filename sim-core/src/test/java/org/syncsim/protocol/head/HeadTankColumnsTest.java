package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.Row;
import org.syncsim.protocol.data.Section;
import org.syncsim.protocol.data.SectionMetadata;
import org.syncsim.protocol.data.SectionPayloads;
import org.syncsim.protocol.data.WowClass;
import org.syncsim.protocol.data.codec.LibCompress;
import org.syncsim.protocol.data.codec.LuaVersion;

/**
 * Tank Sync reads the receiver's local {@code Tank Columns} (§3.9): a section whose blob lacks the key has tanks only
 * for receivers it mentions ({@code ProcessSectionData} then {@code ProcessPlayerInfo},
 * {@code core/DataProcessing.lua:845, 881-905}).
 */
class HeadTankColumnsTest {
    private static final long T = HeadRaid.EPOCH - 3600;

    /** Section 1 mentions Aldricus and the Priests, section 2 nobody in this raid; neither has the key. */
    private static AssignmentSet sheet() {
        SectionMetadata noKey = new SectionMetadata(List.of(), List.of(), List.of(), List.of());
        return new AssignmentSet(List.of(
                new Section("Patchwerk", List.of("Icon", "Target", "Tank", "Heal"), List.of(
                        Row.of("Skull", "Boss", "Aldricus", "Priests"),
                        Row.of("Cross", "Add", "Cassius", "")), noKey),
                new Section("Grobbulus", List.of("Icon", "Target", "Tank", "Heal"), List.of(
                        Row.of("Skull", "Boss", "Dornakh", "Maribel")), noKey)));
    }

    private static long ctra(HeadRaid raid, int sender) {
        return raid.channel.log().stream().filter(s -> s.prefix().equals("CTRA") && s.sender() == sender).count();
    }

    /** Client 0 leads (saved data imported by nobody it mentions); 1-3 have Tank Sync on. */
    private static HeadRaid raid() {
        HeadRaid raid = new HeadRaid(11, true);
        EncodedSheet sheet = HeadRaid.encode(sheet(), T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.add(1, i -> tank(HeadRaid.name(i), null, sheet));
        raid.add(1, i -> tank("Aldricus", null, sheet));
        raid.add(1, i -> tank(HeadRaid.name(i), WowClass.PRIEST, sheet));
        raid.addFake();
        return raid.form();
    }

    private static ClientConfig tank(String name, WowClass c, EncodedSheet sheet) {
        return ClientConfig.defaults(name).withLiveSync(true).withTankSync(true).withPlayer(c, 1)
                .withInitialData(new InitialData.Saved(T, sheet));
    }

    @Test
    void onlyReceiversTheKeylessSectionMentionsSendTheirTanks() {
        HeadRaid raid = raid();
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(0, ctra(raid, 1), "not mentioned: no Tank Columns, no CTRA");
        assertEquals(11, ctra(raid, 2), "mentioned by name: MT CLEAR and 10 SETs");
        assertEquals(11, ctra(raid, 3), "mentioned as one of the Priests");
        List<String> burst = raid.channel.log().stream().filter(s -> s.prefix().equals("CTRA") && s.sender() == 2)
                .map(TestChannel.Sent::text).toList();
        assertEquals("SET 1 Aldricus", burst.get(1));
        assertEquals("SET 2 Cassius", burst.get(2));
    }

    @Test
    void aSectionMentioningNoReceiverSendsNothingAnywhere() {
        HeadRaid raid = raid();
        raid.at(10, () -> raid.get(0).navigate(2));
        raid.runUntil(20);
        assertEquals(0, ctra(raid, 1) + ctra(raid, 2) + ctra(raid, 3));
    }

    @Test
    void theImportersViewDecidesWhichBlobsCarryTheKey() {
        LibCompress lib = LibCompress.loaded(LuaVersion.LUA_5_1);
        EncodedSheet byAldricus = DataSheets.encode(sheet(), T, lib, new PlayerView("Aldricus", WowClass.WARRIOR, 2));
        EncodedSheet byNobody = DataSheets.encode(sheet(), T, lib, PlayerView.NOBODY);
        Section first = SectionPayloads.decodeSection(byAldricus.sectionBlobs().get(0)).valueOrNull();
        Section second = SectionPayloads.decodeSection(byAldricus.sectionBlobs().get(1)).valueOrNull();
        assertEquals(List.of(3), first.metadata().tankColumns());
        assertFalse(second.metadata().hasTankColumns());
        assertFalse(SectionPayloads.decodeSection(byNobody.sectionBlobs().get(0)).valueOrNull().metadata()
                .hasTankColumns());
        assertEquals(byNobody.sectionBlobs().get(1), byAldricus.sectionBlobs().get(1));
        assertTrue(byAldricus.sectionBlobs().get(0).length() > byNobody.sectionBlobs().get(0).length());
    }

    @Test
    void anImporterTheSectionMentionsSendsTanksFromItsOwnImport() {
        HeadRaid raid = new HeadRaid(11, true);
        raid.add(1, i -> ClientConfig.defaults("Aldricus").withLiveSync(true).withTankSync(true));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true).withTankSync(true));
        raid.addFake();
        raid.form();
        raid.at(10, () -> raid.get(0).importSheet(sheet()));
        raid.runUntil(40);
        raid.at(41, () -> raid.get(0).navigate(1));
        raid.runUntil(50);
        assertTrue(ctra(raid, 0) >= 11, "the importer's own blobs carry the key");
        assertEquals(ctra(raid, 0), ctra(raid, 1), "and the receiver gets it in the blob");
    }
}
