package org.syncsim.report.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.RunRecorder;
import org.syncsim.metrics.RunResult;
import org.syncsim.report.ClientInfo;
import org.syncsim.report.OneWait;
import org.syncsim.report.ReportInput;

class ComparisonTest {
    /** A run on seed {@code seed} where client 0 sends {@code base + seed * 100} bytes in one message. */
    private static RunResult run(long seed, int base) {
        RunRecorder r = new RunRecorder(List.of("A", "B"), 1_000_000);
        r.messageSent(0, 0, "BSEC", (int) (base + seed * 100), 0);
        return r.result(seed, 1_000_000, 1, "time");
    }

    private static ReportInput variant(String label, int base, long... seeds) {
        List<RunResult> reps = new ArrayList<>();
        for (long s : seeds) {
            reps.add(run(s, base));
        }
        return new ReportInput("x", label, "", "", 1, List.of(), List.of(new ClientInfo("A", "leader"),
                new ClientInfo("B", "member")), List.of(), reps);
    }

    @Test
    void sameSeedsArePairedAndACommonShiftHasAZeroWidthInterval() {
        Comparison c = new Comparison(List.of(variant("a", 1000, 1, 2, 3, 4), variant("b", 1050, 1, 2, 3, 4)));
        assertTrue(c.pairedWithBaseline(1));
        Comparison.Difference d = c.difference("sent_bytes", 1);
        assertTrue(d.paired());
        assertEquals(50.0, d.difference().mean(), 1e-12);
        assertEquals(50.0, d.difference().low(), 1e-9);
        assertEquals(50.0, d.difference().high(), 1e-9);
        assertTrue(d.difference().excludesZero());
    }

    @Test
    void otherSeedsFallBackToAnUnpairedIntervalThatSeesTheSeedToSeedSpread() {
        Comparison c = new Comparison(List.of(variant("a", 1000, 1, 2, 3, 4), variant("b", 1050, 5, 6, 7, 8)));
        assertFalse(c.pairedWithBaseline(1));
        Comparison.Difference d = c.difference("sent_bytes", 1);
        assertFalse(d.paired());
        assertEquals(450.0, d.difference().mean(), 1e-9); // (1050 + 650) - (1000 + 250)
        assertTrue(d.difference().high() - d.difference().low() > 100, "seed spread widens the interval");
    }

    @Test
    void timeToSyncIsPairedOnlyOverSeedsWhereBothWaitsEnded() {
        Comparison c = new Comparison(List.of(OneWait.input("a", 4.0, 5.0, 6.0, 7.0),
                OneWait.input("b", 3.0, null, 5.0, 6.0)));
        Comparison.Difference d = c.difference("time_to_sync_p50_s", 1);
        assertTrue(d.paired());
        assertEquals(3, d.difference().n(), "seed 2 has no time to sync in b, so it pairs with nothing");
        assertEquals(-1.0, d.difference().mean(), 1e-9);
        assertEquals(4, d.baseline().n());
        assertEquals(3, d.value().n());
        assertEquals(14.0 / 3, d.value().mean(), 1e-9, "the mean of the waits that ended, not (3+0+5+6)/4");
    }

    @Test
    void aVariantWhereNoWaitEndedHasNoTimeToSyncDifference() {
        Comparison c = new Comparison(List.of(OneWait.input("a", 4.0, 5.0, 6.0),
                OneWait.input("b", null, null, null)));
        Comparison.Difference d = c.difference("time_to_sync_max_s", 1);
        assertFalse(d.value().hasValue());
        assertEquals(0, d.difference().n());
        assertTrue(Double.isNaN(d.difference().mean()));
        assertFalse(d.difference().excludesZero(), "no bogus significant difference against a 0");
    }

    @Test
    void twoSeedsWithDifferencesOfOneSignDoNotMakeADifferenceSignificant() {
        // per-seed differences +10 and +30 bytes: Student's t with one degree of freedom (t = 12.7) spans zero,
        // where a bootstrap interval would be just their range [10, 30]
        Comparison c = new Comparison(List.of(bytes("a", 1000, 2000), bytes("b", 1010, 2030)));
        Comparison.Difference d = c.difference("sent_bytes", 1);
        assertTrue(d.paired());
        assertEquals(20.0, d.difference().mean(), 1e-9);
        double half = 12.706204736174707 * Math.sqrt(200) / Math.sqrt(2);
        assertEquals(20.0 - half, d.difference().low(), 1e-6);
        assertEquals(20.0 + half, d.difference().high(), 1e-6);
        assertFalse(d.difference().excludesZero());
    }

    /** Replications on seeds 1, 2, ... where client 0 sends the given bytes. */
    private static ReportInput bytes(String label, int... perSeed) {
        List<RunResult> reps = new ArrayList<>();
        for (int i = 0; i < perSeed.length; i++) {
            RunRecorder r = new RunRecorder(List.of("A", "B"), 1_000_000);
            r.messageSent(0, 0, "BSEC", perSeed[i], 0);
            reps.add(r.result(i + 1, 1_000_000, 1, "time"));
        }
        return new ReportInput("x", label, "", "", 1, List.of(), List.of(new ClientInfo("A", "leader"),
                new ClientInfo("B", "member")), List.of(), reps);
    }
}
