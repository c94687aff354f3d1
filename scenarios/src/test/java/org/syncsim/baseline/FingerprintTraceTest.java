package org.syncsim.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.HashingTrace;

/** Where a trace first differs from a fingerprint: to the event within the prefix, to the block beyond it. */
class FingerprintTraceTest {
    private static FingerprintTrace replay(long events, LongFunction<String> details, Fingerprint expected) {
        FingerprintTrace t = new FingerprintTrace(0, 1, expected);
        for (long i = 0; i < events; i++) {
            t.record(i * 1000, "deliver", details.apply(i));
        }
        t.finish();
        return t;
    }

    private static final LongFunction<String> PLAIN = i -> "msg=" + i + " to=3";
    private static final long EVENTS = 6000;

    @Test
    void theSameTraceHasNoDivergenceAndTheHashOfHashingTrace() {
        Fingerprint f = replay(EVENTS, PLAIN, null).fingerprint();
        HashingTrace h = new HashingTrace();
        for (long i = 0; i < EVENTS; i++) {
            h.record(i * 1000, "deliver", PLAIN.apply(i));
        }
        assertEquals(h.hex(), f.sha256());
        assertEquals(24, f.blockCount());
        assertNull(replay(EVENTS, PLAIN, f).divergence());
    }

    @Test
    void aChangeWithinThePrefixIsNamedToTheEvent() {
        Fingerprint f = replay(EVENTS, PLAIN, null).fingerprint();
        Divergence d = replay(EVENTS, i -> i == 1234 ? "msg=1234 to=4" : PLAIN.apply(i), f).divergence();
        assertTrue(d.exact());
        assertEquals(1234, d.first());
        assertEquals("1.234000\tdeliver\tmsg=1234 to=4", d.line());
        assertEquals("deliver", d.baselineKind());
        assertEquals(3, d.before().size());
        assertEquals("1.233000\tdeliver\tmsg=1233 to=3", d.before().get(2));
    }

    @Test
    void aChangeBeyondThePrefixIsNamedToItsBlock() {
        Fingerprint f = replay(EVENTS, PLAIN, null).fingerprint();
        Divergence d = replay(EVENTS, i -> i == 4500 ? "msg=4500 to=4" : PLAIN.apply(i), f).divergence();
        assertFalse(d.exact());
        assertEquals(4352, d.first());
        assertEquals(4607, d.last());
        assertEquals("4.352000\tdeliver\tmsg=4352 to=3", d.line());
    }

    @Test
    void aTraceThatEndsEarlyOrGoesOnIsNamedWhereTheShorterEnds() {
        Fingerprint f = replay(1000, PLAIN, null).fingerprint();
        Divergence shorter = replay(990, PLAIN, f).divergence();
        assertTrue(shorter.exact());
        assertEquals(990, shorter.first());
        assertNull(shorter.line());
        assertEquals("deliver", shorter.baselineKind());
        Divergence longer = replay(1001, PLAIN, f).divergence();
        assertEquals(1000, longer.first());
        assertNull(longer.baselineKind());
    }

    @Test
    void aFileToleranceForAKindYieldsToOneForTheMetricAndTheScenarios() {
        ScenarioBaseline s = new ScenarioBaseline("x", "x", 1, 2, java.util.List.of(),
                java.util.Map.of("sent_bytes.BSEC", new ToleranceOverride(0.5, null)), java.util.Map.of(), null);
        var file = java.util.Map.of("volume", new ToleranceOverride(0.1, 3.0), "sent_bytes",
                new ToleranceOverride(0.2, null));
        assertEquals(new Tolerance(0.1, 3.0), s.tolerance("requests", file));
        assertEquals(new Tolerance(0.2, 3.0), s.tolerance("sent_bytes", file));
        assertEquals(new Tolerance(0.5, 3.0), s.tolerance("sent_bytes.BSEC", file));
        assertEquals(new Tolerance(0, 0), s.tolerance("server_disconnects", file));
        assertEquals(new Tolerance(0.05, 0.001), s.tolerance("time_to_sync_p95_s", java.util.Map.of()));
    }
}
