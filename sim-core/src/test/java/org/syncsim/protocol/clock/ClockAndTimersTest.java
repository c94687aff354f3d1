package org.syncsim.protocol.clock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;

class ClockAndTimersTest {
    @Test
    void wallClockIsWholeSecondsOfEpochPlusVirtualTimePlusOffset() {
        Simulation sim = new Simulation(1);
        ClientClock exact = new ClientClock(sim, ClientClock.DEFAULT_EPOCH_SECONDS, 0, 5000);
        ClientClock behind = new ClientClock(sim, ClientClock.DEFAULT_EPOCH_SECONDS, -SimTime.seconds(90.5), 5000);
        sim.post(SimTime.seconds(2.7), now -> {
            assertEquals(1747458002L, exact.time());
            assertEquals(1747457912L, behind.time());
            assertEquals(5002.7, exact.getTime(), 1e-9);
        });
        sim.run(RunLimits.untilEmpty());
    }

    @Test
    void timersFireOnTheFirstFrameAtOrAfterExpiryAndNeverInTheCurrentFrame() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(20, 0)); // frames every 50 ms
        List<Long> fired = new ArrayList<>();
        sim.post(SimTime.millis(120), now -> {
            timers.schedule(0, () -> fired.add(sim.now()));
            timers.schedule(0.5, () -> fired.add(sim.now()));
        });
        sim.post(SimTime.millis(200), now -> timers.schedule(0, () -> fired.add(sim.now())));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(SimTime.millis(150), SimTime.millis(250), SimTime.millis(650)), fired);
    }

    @Test
    void timersExpiringInTheSameFrameRunInSchedulingOrder() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0));
        List<String> order = new ArrayList<>();
        sim.post(0, now -> {
            timers.schedule(0.31, () -> order.add("b"));
            timers.schedule(0.35, () -> order.add("c"));
            timers.schedule(0.32, () -> order.add("a"));
        });
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of("b", "c", "a"), order);
    }

    @Test
    void reversedOrderRunsTheLatestScheduledFirstAndStillHonoursCancel() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0), AddonTimers.Order.REVERSED);
        List<String> order = new ArrayList<>();
        List<Long> when = new ArrayList<>();
        sim.post(0, now -> {
            timers.schedule(0.31, () -> order.add("b"));
            AddonTimers.Handle c = timers.schedule(0.35, () -> order.add("c"));
            timers.schedule(0.32, () -> {
                order.add("a");
                when.add(sim.now());
            });
            timers.schedule(0.36, () -> order.add("d"));
            timers.schedule(0.7, () -> order.add("later"));
            c.cancel();
            assertFalse(c.isPending());
            assertEquals(4, timers.pendingCount());
        });
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of("d", "a", "b", "later"), order, "b, c, a, d all fall due at the 400 ms frame and run"
                + " latest scheduled first (c was cancelled)");
        assertEquals(List.of(SimTime.millis(400)), when, "the same frames as in scheduling order");
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void cancelAllDiscardsPendingTimers() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(60, 0));
        List<String> fired = new ArrayList<>();
        AddonTimers.Handle h = timers.schedule(1, () -> fired.add("x"));
        timers.schedule(2, () -> fired.add("y"));
        timers.cancelAll();
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(), fired);
        assertFalse(h.isPending());
        assertEquals(0, timers.pendingCount());
    }
    @Test
    void anErroringCallbackFiresAgainEveryFrameAndEndsEachPassBeforeTheTimersAfterIt() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0)); // frames every 100 ms
        List<String> fired = new ArrayList<>();
        int[] errors = new int[1];
        AddonTimers.Handle[] stuck = new AddonTimers.Handle[1];
        sim.post(0, now -> {
            timers.schedule(0.25, () -> fired.add("older@" + sim.now() / 1000));
            stuck[0] = timers.scheduleUnprotected(0.1, () -> {
                errors[0]++;
                return AddonTimers.Outcome.RAISED;
            });
            timers.schedule(0.1, () -> fired.add("same-frame@" + sim.now() / 1000));
            timers.schedule(0.2, () -> fired.add("newer@" + sim.now() / 1000));
        });
        sim.post(SimTime.millis(550), now -> stuck[0].cancel());
        sim.run(RunLimits.untilEmpty());
        // the erroring timer fires at 100, 200, 300, 400, 500 ms; the timer scheduled before it still runs in its
        // frame, the ones after it in scan order wait until it is cancelled, then run in the next frame's pass
        assertEquals(5, errors[0]);
        assertEquals(List.of("older@300", "same-frame@600", "newer@600"), fired);
        assertFalse(timers.erroring());
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void reversedScanRunsTimersScheduledAfterTheErroringOneAndAReturnEndsTheErrors() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0), AddonTimers.Order.REVERSED);
        List<String> fired = new ArrayList<>();
        int[] runs = new int[1];
        sim.post(0, now -> {
            timers.schedule(0.3, () -> fired.add("older@" + sim.now() / 1000));
            timers.scheduleUnprotected(0.1, () -> ++runs[0] < 3 ? AddonTimers.Outcome.RAISED
                    : AddonTimers.Outcome.RETURNED);
            timers.schedule(0.2, () -> fired.add("newer@" + sim.now() / 1000));
        });
        sim.run(RunLimits.untilEmpty());
        // latest scheduled first: "newer" runs ahead of the erroring timer; "older" is behind it until it returns
        assertEquals(3, runs[0]);
        assertEquals(List.of("newer@200", "older@300"), fired);
        assertFalse(timers.erroring());
    }

    @Test
    void cancelAllEndsAnErroringTimer() {
        Simulation sim = new Simulation(1);
        AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0));
        int[] errors = new int[1];
        sim.post(0, now -> timers.scheduleUnprotected(0, () -> {
            errors[0]++;
            return AddonTimers.Outcome.RAISED;
        }));
        sim.post(SimTime.millis(350), now -> timers.cancelAll());
        sim.run(RunLimits.untilEmpty());
        assertEquals(3, errors[0]);
        assertEquals(0, timers.pendingCount());
    }

    @Test
    void aPassScansTheTableInSchedulingOrderAfterCancelsAtItsHeadMiddleAndTail() {
        for (int cut = 0; cut < 8; cut++) { // cancel every subset of {first, middle, last} of five timers
            Simulation sim = new Simulation(1);
            AddonTimers timers = new AddonTimers(sim, FrameClock.ofFps(10, 0)); // frames every 100 ms
            List<String> fired = new ArrayList<>();
            AddonTimers.Handle[] h = new AddonTimers.Handle[5];
            AddonTimers.Handle[] stuck = new AddonTimers.Handle[1];
            int mask = cut;
            sim.post(0, now -> {
                stuck[0] = timers.scheduleUnprotected(0.1, () -> AddonTimers.Outcome.RAISED); // passes from 100 ms
                for (int i = 0; i < 5; i++) {
                    String name = "t" + i;
                    h[i] = timers.schedule(0.15, () -> fired.add(name)); // due at 200 ms, behind the erroring one
                }
                int[] cancelled = {0, 2, 4};
                for (int k = 0; k < 3; k++) {
                    if ((mask >> k & 1) != 0) {
                        h[cancelled[k]].cancel();
                    }
                }
                assertEquals(6 - Integer.bitCount(mask), timers.pendingCount());
            });
            sim.post(SimTime.millis(250), now -> stuck[0].cancel()); // the next pass (300 ms) runs the rest in order
            sim.run(RunLimits.untilEmpty());
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                boolean gone = (i == 0 && (mask & 1) != 0) || (i == 2 && (mask & 2) != 0) || (i == 4 && (mask & 4) != 0);
                if (!gone) {
                    expected.add("t" + i);
                }
            }
            assertEquals(expected, fired, "cancelled set " + mask);
            assertEquals(0, timers.pendingCount());
        }
    }
}
