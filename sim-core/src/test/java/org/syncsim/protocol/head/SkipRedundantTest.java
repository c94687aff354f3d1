package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.SkipRedundant;

/** The plan's {@code skip-redundant}: a member with a hole in its data gives none of it (B13). */
class SkipRedundantTest {
    private static final long TS = HeadRaid.EPOCH - 3600;

    /** P00 holds a sheet whose second section is a {@code ""} placeholder; P01 is a fresh install that asks. */
    private static HeadRaid raid(PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(9, true);
        AssignmentSet set = HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(3, 4, 5));
        EncodedSheet whole = HeadRaid.encode(set, TS);
        List<String> blobs = new ArrayList<>(whole.sectionBlobs());
        blobs.set(1, "");
        EncodedSheet holed = new EncodedSheet(whole.names(), blobs, whole.structureBlob());
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(TS, holed)),
                policies);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true), policies);
        return raid.form();
    }

    @Test
    void atHeadAPlaceholderCountsAsDataAndIsPushed() {
        HeadRaid raid = raid(PlanPolicies.OFF);
        raid.runUntil(30);
        assertEquals(1, raid.channel.count("BSACK", 0), "B13");
        assertEquals(1, raid.channel.count("BSTR", 0));
    }

    @Test
    void skippingRedundantTransfersAMemberWithAHoleDoesNotAnswer() {
        HeadRaid raid = raid(PlanPolicies.OFF.withSkipRedundant(new SkipRedundant.On()));
        raid.runUntil(30);
        assertEquals(0, raid.channel.count("BSACK", 0));
        assertEquals(0, raid.channel.count("BSTR", 0));
    }

    @Test
    void aResponderStandsDownWhenAPushOfItsVersionWentOutAfterTheRequestCame() {
        PlanPolicies skip = PlanPolicies.OFF.withSkipRedundant(new SkipRedundant.On());
        HeadRaid raid = HeadRaid.holders(9, 3, skip);
        String structure = raid.get(0).snapshot().structure();
        raid.inject(10, 3, "BSREQ:0");
        raid.inject(11, 3, "BSTR:" + HeadRaid.HELD + ":" + structure); // B4: that push reached the requester
        raid.runUntil(40);
        assertEquals(3, raid.channel.count("BSACK", 0));
        assertEquals(0, raid.channel.count("BSTR", 0));
        assertEquals(3, raid.metrics.count("duplicate", "BSTR"), "and the push itself is a re-push of data held");
    }

    @Test
    void aPushOfAnOlderVersionDoesNotStandAResponderDown() {
        PlanPolicies skip = PlanPolicies.OFF.withSkipRedundant(new SkipRedundant.On());
        HeadRaid raid = HeadRaid.holders(9, 1, skip);
        String structure = raid.get(0).snapshot().structure();
        raid.inject(10, 1, "BSREQ:0");
        raid.inject(11, 1, "BSTR:" + (HeadRaid.HELD - 1) + ":" + structure);
        raid.runUntil(40);
        assertEquals(1, raid.channel.count("BSTR", 0));
    }

    @Test
    void aPushBeforeTheRequestCameDoesNotStandAResponderDown() {
        PlanPolicies skip = PlanPolicies.OFF.withSkipRedundant(new SkipRedundant.On());
        HeadRaid raid = HeadRaid.holders(9, 1, skip);
        String structure = raid.get(0).snapshot().structure();
        raid.inject(9, 1, "BSTR:" + HeadRaid.HELD + ":" + structure);
        raid.inject(10, 1, "BSREQ:0");
        raid.runUntil(40);
        assertEquals(1, raid.channel.count("BSTR", 0));
    }

    @Test
    void aRePushOfTheVersionHeldWholeIsCountedAndNotStored() {
        PlanPolicies skip = PlanPolicies.OFF.withSkipRedundant(new SkipRedundant.On());
        HeadRaid raid = HeadRaid.holders(9, 2, skip);
        String own = raid.get(0).snapshot().compressedSections().get(1);
        String other = raid.get(0).snapshot().compressedSections().get(2);
        raid.inject(10, 2, "BSEC:" + HeadRaid.HELD + ":1:" + other);
        raid.runUntil(20);
        assertEquals(own, raid.get(0).snapshot().compressedSections().get(1));
        assertEquals(2, raid.metrics.count("duplicate", "BSEC"));

        HeadRaid head = HeadRaid.holders(9, 2, PlanPolicies.OFF);
        head.inject(10, 2, "BSEC:" + HeadRaid.HELD + ":1:" + other);
        head.runUntil(20);
        assertEquals(other, head.get(0).snapshot().compressedSections().get(1), "B12: head stores it again");
    }
}
