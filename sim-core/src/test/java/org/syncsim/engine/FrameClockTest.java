package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrameClockTest {
    private final FrameClock sixty = FrameClock.ofFps(60, 1_000);

    @Test
    void sixtyFpsHasA16667MicrosecondPeriod() {
        assertEquals(16_667, sixty.periodMicros());
        assertEquals(1_000_000.0 / 16_667, sixty.fps(), 1e-12);
    }

    @Test
    void atOrAfterReturnsAnExactFrameInstantUnchanged() {
        assertEquals(1_000, sixty.atOrAfter(1_000));
        assertEquals(1_000 + 3 * 16_667, sixty.atOrAfter(1_000 + 3 * 16_667));
    }

    @Test
    void atOrAfterRoundsUpToTheNextFrameBetweenFrames() {
        assertEquals(1_000 + 16_667, sixty.atOrAfter(1_001));
        assertEquals(1_000 + 16_667, sixty.atOrAfter(1_000 + 16_666));
        assertEquals(1_000 + 2 * 16_667, sixty.atOrAfter(1_000 + 16_668));
    }

    @Test
    void afterSkipsTheFrameAtExactlyT() {
        assertEquals(1_000 + 16_667, sixty.after(1_000));
        assertEquals(1_000, sixty.after(999));
        assertEquals(1_000, sixty.after(998));
        assertEquals(1_000 + 2 * 16_667, sixty.after(1_000 + 16_667));
    }

    @Test
    void instantsBeforeTheOriginAndNegativeTimesUseFloorArithmetic() {
        // Frames extend backwards from the origin: ..., 1000 - 2*16667 = -32334, 1000 - 16667 = -15667, 1000.
        assertEquals(-15_667, sixty.atOrAfter(-20_000));
        assertEquals(-15_667, sixty.atOrAfter(-15_667));
        assertEquals(1_000, sixty.after(-15_667));
        assertEquals(-32_334, sixty.atOrAfter(-32_335));
        assertEquals(1_000, sixty.atOrAfter(0));
        assertEquals(1_000, sixty.atOrAfter(-15_666));
    }

    @Test
    void negativeOriginWorksLikeAnyOtherPhase() {
        FrameClock clock = new FrameClock(-5, 10);
        assertEquals(5, clock.atOrAfter(0));
        assertEquals(-5, clock.atOrAfter(-5));
        assertEquals(-5, clock.atOrAfter(-14));
        assertEquals(-15, clock.atOrAfter(-15));
        assertEquals(5, clock.after(-5));
    }

    @Test
    void everyResultIsAFrameInstantAndNoFrameIsSkipped() {
        FrameClock clock = new FrameClock(7, 13);
        for (long t = -100; t <= 100; t++) {
            long next = clock.atOrAfter(t);
            assertEquals(0, Math.floorMod(next - 7, 13), "not a frame: " + next);
            assertEquals(true, next >= t && next - t < 13, "t=" + t + " next=" + next);
            long strictlyAfter = clock.after(t);
            assertEquals(true, strictlyAfter > t && strictlyAfter - t <= 13, "t=" + t + " after=" + strictlyAfter);
        }
    }

    @Test
    void invalidRatesAndPeriodsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(0, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(-60, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> FrameClock.ofFps(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new FrameClock(0, 0));
    }
}
