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
}
