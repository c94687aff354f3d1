package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameClockTest {
    private final FrameClock sixty = FrameClock.ofFps(60, 1_000);

    @Test
    void frameInstantsAreRoundedFromTheExactTimeWithoutDrift() {
        // 1e6 / 60 = 16 666.67 us: frames 1, 2, 3 at 16 667, 33 333, 50 000 us after the origin.
        assertEquals(1_000 + 16_667, sixty.instant(1));
        assertEquals(1_000 + 33_333, sixty.instant(2));
        assertEquals(1_000 + 50_000, sixty.instant(3));
        // Frame 3 600 is exactly one minute after the origin (a rounded 16 667 us period would put it 1.2 ms late).
        assertEquals(1_000 + SimTime.seconds(60), sixty.instant(3_600));
        FrameClock fast = FrameClock.ofFps(144, 0);
        assertEquals(SimTime.seconds(10), fast.instant(1_440));
        assertEquals(6_944, fast.instant(1));
        assertEquals(13_889, fast.instant(2));
    }

    @Test
    void atOrAfterReturnsAnExactFrameInstantUnchanged() {
        assertEquals(1_000, sixty.atOrAfter(1_000));
        assertEquals(1_000 + 50_000, sixty.atOrAfter(1_000 + 50_000));
        assertEquals(1_000 + SimTime.seconds(3_600), sixty.atOrAfter(1_000 + SimTime.seconds(3_600)));
    }

    @Test
    void atOrAfterRoundsUpToTheNextFrameBetweenFrames() {
        assertEquals(1_000 + 16_667, sixty.atOrAfter(1_001));
        assertEquals(1_000 + 16_667, sixty.atOrAfter(1_000 + 16_666));
        assertEquals(1_000 + 33_333, sixty.atOrAfter(1_000 + 16_668));
    }

    @Test
    void afterSkipsTheFrameAtExactlyTAndAtOrBeforeFindsIt() {
        assertEquals(1_000 + 16_667, sixty.after(1_000));
        assertEquals(1_000, sixty.after(999));
        assertEquals(1_000 + 33_333, sixty.after(1_000 + 16_667));
        assertEquals(1_000 + 16_667, sixty.atOrBefore(1_000 + 33_332));
        assertEquals(1, sixty.indexAtOrBefore(1_000 + 33_332));
        assertEquals(2, sixty.indexAtOrBefore(1_000 + 33_333));
    }

    @Test
    void instantsBeforeTheOriginAndNegativeTimesUseFloorArithmetic() {
        // Frames extend backwards from the origin: ..., 1000 - 33 333 = -32 333, 1000 - 16 667 = -15 667, 1000.
        assertEquals(-15_667, sixty.atOrAfter(-20_000));
        assertEquals(-15_667, sixty.atOrAfter(-15_667));
        assertEquals(1_000, sixty.after(-15_667));
        assertEquals(-32_333, sixty.atOrAfter(-32_334));
        assertEquals(1_000, sixty.atOrAfter(0));
        assertEquals(-1, sixty.indexAtOrBefore(0));
    }

    @Test
    void everyResultIsAFrameInstantAndNoFrameIsSkipped() {
        for (double fps : new double[] {30, 50, 60, 144, 13.7}) {
            FrameClock clock = FrameClock.ofFps(fps, 7);
            long period = Math.round(1e6 / fps);
            for (long t = -200_000; t <= 200_000; t += 997) {
                long next = clock.atOrAfter(t);
                long k = clock.indexAtOrBefore(next);
                assertEquals(next, clock.instant(k), "not a frame: " + next);
                assertTrue(next >= t && next - t <= period, "t=" + t + " next=" + next);
                assertTrue(clock.instant(k - 1) < t || next == t, "skipped a frame before " + next);
                long strictlyAfter = clock.after(t);
                assertTrue(strictlyAfter > t && strictlyAfter - t <= period + 1, "t=" + t + " after=" + strictlyAfter);
            }
        }
    }

    @Test
    void invalidRatesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(0, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(-60, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(Double.POSITIVE_INFINITY, 0));
    }
}
