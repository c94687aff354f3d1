package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.TestChannel;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.DataSheets;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;

/** Tank Sync (spec §3.9, B32): which sections burst, with which names, how often. */
class HeadTankSyncTest {
    private static final long T = HeadRaid.EPOCH - 3600;

    /** Client 0 the leader (liveSync, no Tank Sync), client 1 the member configured by {@code member}. */
    private static HeadRaid raid(ClientConfig member) {
        HeadRaid raid = new HeadRaid(11, true);
        EncodedSheet sheet = HeadRaid.encode(TankSheets.sheet(), T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.add(1, i -> member.withInitialData(new InitialData.Saved(T, sheet)));
        raid.addFake();
        return raid.form();
    }

    private static ClientConfig tankMember() {
        return ClientConfig.defaults(HeadRaid.name(1)).withLiveSync(true).withTankSync(true);
    }

    private static List<String> ctra(HeadRaid raid, int sender) {
        List<String> texts = new ArrayList<>();
        for (TestChannel.Sent s : raid.channel.log()) {
            if (s.prefix().equals("CTRA") && s.sender() == sender) {
                texts.add(s.text());
            }
        }
        return texts;
    }

    private static List<String> burst(List<String> slots) {
        List<String> texts = new ArrayList<>();
        texts.add("MT CLEAR");
        texts.addAll(TankSheets.setTexts(slots));
        return texts;
    }

    private static List<String> bursts(int n, List<String> slots) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            texts.addAll(burst(slots));
        }
        return texts;
    }

    @Test
    void fromSyncNavigationSendsTheNavigatedSectionsTanks() {
        HeadRaid raid = raid(tankMember());
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(burst(TankSheets.TANKS_SLOTS), ctra(raid, 1));
        assertEquals(List.of(), ctra(raid, 0));
    }

    @Test
    void sectionWithoutTankColumnsSendsNoCtra() {
        HeadRaid raid = raid(tankMember());
        raid.at(10, () -> raid.get(0).navigate(2));
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("SECTION", 0));
        assertEquals(2, raid.get(1).snapshot().currentSection());
        assertEquals(List.of(), ctra(raid, 1));
    }

    @Test
    void localNavigationBroadcastsSectionThenTankBurst() {
        HeadRaid raid = raid(tankMember());
        raid.at(10, () -> raid.get(1).navigate(3));
        raid.runUntil(20);
        List<TestChannel.Sent> own = raid.channel.log().stream().filter(s -> s.sender() == 1)
                .filter(s -> s.time() >= SimTime.seconds(10)).toList();
        assertEquals("SECTION:" + T + ":3", own.get(0).text());
        assertEquals(burst(TankSheets.OTHER_SLOTS), ctra(raid, 1));
    }

    @Test
    void withoutORA2NoBurstIsSent() {
        HeadRaid raid = raid(tankMember().withORA2Loaded(false));
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(List.of(), ctra(raid, 1));
    }

    @Test
    void checkboxActivatedTwiceRegistersTwoListenersSoEachNavigationBurstsTwice() {
        HeadRaid raid = raid(ClientConfig.defaults(HeadRaid.name(1)).withLiveSync(true));
        raid.at(5, () -> raid.get(1).setTankSync(true));
        raid.at(6, () -> raid.get(1).setTankSync(false));
        raid.at(7, () -> raid.get(1).setTankSync(true));
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(bursts(2, TankSheets.TANKS_SLOTS), ctra(raid, 1));
    }

    @Test
    void reloadLeavesOneListenerWhenBothOptionsAreSaved() {
        HeadRaid raid = raid(ClientConfig.defaults(HeadRaid.name(1)).withLiveSync(true));
        raid.at(5, () -> raid.get(1).setTankSync(true));
        raid.at(6, () -> raid.get(1).setTankSync(true));
        raid.at(7, () -> raid.get(1).reload());
        raid.at(20, () -> raid.get(0).navigate(1));
        raid.runUntil(30);
        assertEquals(bursts(1, TankSheets.TANKS_SLOTS), ctra(raid, 1));
    }

    @Test
    void disabledTankSyncKeepsItsListenersSilent() {
        HeadRaid raid = raid(tankMember());
        raid.at(5, () -> raid.get(1).setTankSync(false));
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(List.of(), ctra(raid, 1));
    }

    @Test
    void processedBstrSendsTheBurstOfTheNewSheetsSection() {
        HeadRaid raid = raid(tankMember());
        // the leader (liveSync on) imports: SECTION:<new>:1 makes the member pull, the import push lands first
        raid.at(10, () -> raid.get(0).importSheet(TankSheets.changed()));
        raid.runUntil(20);
        assertEquals(1, raid.channel.count("BSTR", 0));
        assertEquals(HeadRaid.EPOCH + 10, raid.get(1).snapshot().assignmentsTimestamp());
        assertEquals(burst(TankSheets.OTHER_SLOTS), ctra(raid, 1));
    }

    @Test
    void everyProcessedBstrBurstsAgainEvenWithAnEqualTimestamp() {
        HeadRaid raid = raid(tankMember());
        raid.at(10, () -> raid.get(0).syncAll());
        raid.at(25, () -> raid.get(0).syncAll());
        raid.runUntil(30);
        assertEquals(2, raid.channel.count("BSTR", 0));
        assertEquals(bursts(2, TankSheets.TANKS_SLOTS), ctra(raid, 1));
    }

    @Test
    void tanksComeFromTheDisplayedSectionNotFromAStagedBsec() {
        HeadRaid raid = raid(tankMember());
        int fake = raid.clients.size();
        String staged = DataSheets.encode(TankSheets.changed(), T).sectionBlobs().get(0);
        raid.inject(5, fake, "BSEC:" + T + ":1:" + staged);
        raid.at(10, () -> raid.get(1).navigate(1));
        raid.runUntil(20);
        assertEquals(staged, raid.get(1).snapshot().compressedSections().get(1));
        assertEquals(burst(TankSheets.TANKS_SLOTS), ctra(raid, 1));
        assertEquals(SimTime.seconds(10), raid.channel.sent("SECTION", 0).get(0).time());
    }
}
