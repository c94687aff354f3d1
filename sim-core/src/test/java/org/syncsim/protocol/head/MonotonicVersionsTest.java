package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;
import org.syncsim.protocol.data.AssignmentSet;
import org.syncsim.protocol.data.SheetSpec;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Versioning;

/**
 * The plan's {@code versioning: monotonic} ({@link Versioning.Monotonic}): an import is stamped
 * {@code max(time(), v + 1)}, v the newest version held or heard of; a version more than {@code max-future} seconds
 * ahead of the receiver's {@code time()} (or of the version it holds) is refused, and so is a BSEC older than the data
 * held (B11). Clients' {@code time()} is the epoch plus the virtual seconds (exact wall clocks).
 */
class MonotonicVersionsTest {
    private static final long EPOCH = HeadRaid.EPOCH;
    private static final double MAX_FUTURE = 60;
    private static final PlanPolicies MONOTONIC = Plan.of(new Versioning.Monotonic(MAX_FUTURE));

    /** P00 holding a small sheet stamped {@code ts}, running {@code policies}, and a raw member (1). */
    private static HeadRaid holding(long ts, PlanPolicies policies) {
        HeadRaid raid = new HeadRaid(17, true);
        EncodedSheet sheet = HeadRaid.encode(HeadRaid.sheet(raid.sim, "sheet", SheetSpec.of(4, 6, 6)), ts);
        raid.add(1, i -> ClientConfig.defaults(HeadRaid.name(i)).withInitialData(new InitialData.Saved(ts, sheet)),
                policies);
        raid.addFake();
        return raid.form();
    }

    @Test
    void aVersionMoreThanMaxFutureAheadOfTheClockIsRefused() {
        HeadRaid raid = holding(HeadRaid.HELD, MONOTONIC);
        raid.inject(10, 1, "SECTION:" + (EPOCH + 10 + 200) + ":2"); // arrives at time() = EPOCH + 10
        raid.runUntil(20);
        assertEquals(1, raid.metrics.count("refused", "SECTION version too far in the future"));
        assertEquals(0, raid.channel.count("BSREQ", 0));

        raid.inject(20, 1, "SECTION:" + (EPOCH + 20 + 50) + ":2"); // within max-future: heard, and pulled
        raid.runUntil(30);
        assertEquals(1, raid.metrics.count("refused"));
        assertEquals(1, raid.channel.count("BSREQ", SimTime.seconds(20)));
    }

    @Test
    void aMemberWithASlowClockStillTakesTheVersionAStepAheadOfItsData() {
        long held = EPOCH + 1000; // stamped by a member whose clock runs ahead of this one's
        HeadRaid raid = holding(held, MONOTONIC);
        raid.inject(10, 1, "SECTION:" + (held + 50) + ":2");
        raid.inject(50, 1, "SECTION:" + (held + 200) + ":2");
        raid.runUntil(60);
        assertEquals(1, raid.channel.count("BSREQ", 0), "the first is within max-future of the data held");
        assertEquals(1, raid.metrics.count("refused", "SECTION"));
    }

    @Test
    void aSectionOlderThanTheDataHeldIsRefusedWhereHeadStoresIt() {
        EncodedSheet older = HeadRaid.encode(HeadRaid.sheet(new HeadRaid(1, true).sim, "other", SheetSpec.of(4, 6, 6)),
                HeadRaid.HELD - 10);
        String stale = "BSEC:" + (HeadRaid.HELD - 10) + ":1:" + older.sectionBlobs().get(0);

        HeadRaid plan = holding(HeadRaid.HELD, MONOTONIC);
        String own = plan.get(0).snapshot().compressedSections().get(1);
        plan.inject(10, 1, stale);
        plan.runUntil(20);
        assertEquals(own, plan.get(0).snapshot().compressedSections().get(1));
        assertEquals(1, plan.metrics.count("refused", "BSEC BSEC older than the data held"));

        HeadRaid head = holding(HeadRaid.HELD, PlanPolicies.OFF);
        head.inject(10, 1, stale);
        head.runUntil(20);
        assertNotEquals(own, head.get(0).snapshot().compressedSections().get(1), "B11: stored unchecked");
        assertEquals(older.sectionBlobs().get(0), head.get(0).snapshot().compressedSections().get(1));
    }

    @Test
    void anImportOutranksTheVersionHeldWhateverTheClockSays() {
        long held = EPOCH + 1000;
        HeadRaid raid = holding(held, MONOTONIC);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6));
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        assertEquals(held + 1, raid.get(0).snapshot().assignmentsTimestamp());

        HeadRaid head = holding(held, PlanPolicies.OFF);
        head.at(10, () -> head.get(0).importSheet(fresh));
        head.runUntil(20);
        assertEquals(EPOCH + 10, head.get(0).snapshot().assignmentsTimestamp(), "B27: time() wins");
    }

    @Test
    void anImportOutranksTheNewestVersionHeardOf() {
        HeadRaid raid = holding(HeadRaid.HELD, MONOTONIC);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6));
        raid.inject(5, 1, "SECTION:" + (EPOCH + 50) + ":2");
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        assertEquals(EPOCH + 51, raid.get(0).snapshot().assignmentsTimestamp());
    }

    @Test
    void anImportOnAClockAheadOfEverythingKnownKeepsTheClock() {
        HeadRaid raid = holding(HeadRaid.HELD, MONOTONIC);
        AssignmentSet fresh = HeadRaid.sheet(raid.sim, "sheet/new", SheetSpec.of(4, 6, 6));
        raid.at(10, () -> raid.get(0).importSheet(fresh));
        raid.runUntil(20);
        assertEquals(EPOCH + 10, raid.get(0).snapshot().assignmentsTimestamp());
    }
}
