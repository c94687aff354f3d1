package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.RecordingMetrics;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;

/** A head client's progress toward the newest data, as it reports it while pushes and imports happen. */
class HeadProgressTest {
    private static final long T = HeadRaid.EPOCH - 3600;

    private static List<Double> reported(HeadRaid raid, int client) {
        List<Double> values = new ArrayList<>();
        for (RecordingMetrics.Progress p : raid.metrics.progress) {
            if (p.client() == client) {
                values.add(p.fraction());
            }
        }
        return values;
    }

    private static List<RecordingMetrics.Progress> reports(HeadRaid raid, int client) {
        return raid.metrics.progress.stream().filter(p -> p.client() == client).toList();
    }

    @Test
    void aLateJoinersProgressRisesFromZeroToOneInStepsOfOneOverSectionsPlusOneAsThePushArrives() {
        HeadRaid raid = new HeadRaid(31, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.defaults()), T);
        int n = sheet.size();
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true));
        raid.form();
        raid.channel.leave(1); // outside the raid, logged in, with example data
        raid.at(60, () -> raid.channel.join(1));
        raid.runUntil(120);

        List<Double> expected = new ArrayList<>();
        for (int k = 0; k <= n; k++) {
            expected.add(k / (double) (n + 1)); // each BSEC stores one section; the BSTR completes it
        }
        expected.add(1.0);
        assertEquals(expected, reported(raid, 1));
        List<RecordingMetrics.Progress> joiner = reports(raid, 1);
        assertEquals(0, joiner.get(0).time(), "judged once when the client is built");
        assertTrue(joiner.get(1).time() > SimTime.seconds(62), "nothing arrives before the join reaction's BSREQ");
        assertEquals(raid.metrics.syncedAt.get(1), joiner.get(joiner.size() - 1).time(), "1 when it syncs");
        assertEquals(List.of(1.0), reported(raid, 0), "the responder held the newest data throughout");
        assertEquals(1.0, raid.get(1).progress());
    }

    @Test
    void aMemberDesyncedByAnOlderSectionUnderTheNewestTimestampKeepsProgressBelowOne() {
        HeadRaid raid = new HeadRaid(5, true);
        SheetSpec small = SheetSpec.of(4, 6, 6);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", small), T);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, sheet)));
        int fake = raid.addFake();
        raid.form();
        String other = HeadRaid.encode(HeadRaid.sheet(raid.sim, "other", small), T - 100).sectionBlobs().get(0);
        raid.inject(10, fake, "BSEC:" + T + ":1:" + other); // stored without a version check (B11)
        raid.runUntil(30);

        HeadClient member = raid.get(0);
        assertEquals(T, member.snapshot().assignmentsTimestamp(), "it still claims the newest timestamp");
        assertTrue(member.checkDesync());
        assertEquals(4 / 5.0, member.progress(), "3 of 4 sections and the structure");
        assertEquals(List.of(1.0, 4 / 5.0), reported(raid, 0));
        assertEquals(SimTime.seconds(10) + HeadRaid.LATENCY, reports(raid, 0).get(1).time());

        raid.inject(40, fake, "BSEC:" + T + ":1:" + sheet.sectionBlobs().get(0));
        raid.runUntil(50);
        assertEquals(List.of(1.0, 4 / 5.0, 1.0), reported(raid, 0), "the newest blob again: complete again");
        assertFalse(member.checkDesync());
    }

    @Test
    void newerDataImportedElsewhereLowersEveryOtherMembersProgressAtTheImportAndThePushRestoresIt() {
        HeadRaid raid = new HeadRaid(8, true);
        SheetSpec small = SheetSpec.of(4, 6, 6);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", small), T);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "fresh", small);
        raid.add(3, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(T, sheet)));
        raid.form();
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(30);

        long importAt = SimTime.seconds(10);
        for (int c = 1; c < 3; c++) {
            List<RecordingMetrics.Progress> r = reports(raid, c);
            assertEquals(1.0, r.get(0).fraction());
            assertEquals(importAt, r.get(1).time(), "judged when the truth changed, before any message");
            assertTrue(r.get(1).fraction() < 1, "other content: " + r.get(1).fraction());
            assertEquals(1.0, r.get(r.size() - 1).fraction(), "the import push brings the new sheet");
            assertTrue(r.get(r.size() - 1).time() > importAt + SimTime.seconds(0.5));
        }
        assertEquals(List.of(1.0), reported(raid, 0), "the importer holds what it imported");
    }
}
