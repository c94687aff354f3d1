package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimerTest {

    @Test
    void cancelledTimerNeverFires() {
        Simulation sim = new Simulation(1);
        List<String> fired = new ArrayList<>();
        Timer doomed = sim.schedule(100, now -> fired.add("doomed"));
        sim.schedule(200, now -> fired.add("kept"));
        assertTrue(doomed.isPending());
        doomed.cancel();
        assertFalse(doomed.isPending());
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.untilEmpty()));
        assertEquals(List.of("kept"), fired);
        assertEquals(1, sim.eventsProcessed());
    }

    @Test
    void timerCancelledByAnEarlierEventAtTheSameInstantDoesNotFire() {
        Simulation sim = new Simulation(1);
        List<String> fired = new ArrayList<>();
        Timer[] victim = new Timer[1];
        sim.post(100, now -> victim[0].cancel());
        victim[0] = sim.schedule(100, now -> fired.add("victim"));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(), fired);
    }

    @Test
    void cancellingTwiceOrAfterFiringIsHarmless() {
        Simulation sim = new Simulation(1);
        int[] count = {0};
        Timer fires = sim.schedule(10, now -> count[0]++);
        Timer cancelled = sim.schedule(10, now -> count[0] += 100);
        cancelled.cancel();
        cancelled.cancel();
        sim.cancel(null);
        sim.run(RunLimits.untilEmpty());
        fires.cancel();
        sim.cancel(fires);
        assertEquals(1, count[0]);
        assertFalse(fires.isPending());
        assertEquals(0, sim.pendingEntries());
    }

    @Test
    void oneShotTimerIsNoLongerPendingWhileItsActionRuns() {
        Simulation sim = new Simulation(1);
        boolean[] pendingDuringAction = {true};
        Timer[] timer = new Timer[1];
        timer[0] = sim.schedule(10, now -> pendingDuringAction[0] = timer[0].isPending());
        assertEquals(10, timer[0].dueAt());
        sim.run(RunLimits.untilEmpty());
        assertFalse(pendingDuringAction[0]);
    }

    @Test
    void rescheduleMovesAPendingTimerEarlierOrLaterAndItFiresOnceAtTheNewTime() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer later = sim.schedule(100, fired::add);
        Timer earlier = sim.schedule(100, fired::add);
        sim.reschedule(later, 300);
        sim.reschedule(earlier, 50);
        assertEquals(300, later.dueAt());
        assertEquals(50, earlier.dueAt());
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(50L, 300L), fired);
    }

    @Test
    void rescheduleRearmsATimerThatAlreadyFired() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer timer = sim.schedule(10, fired::add);
        sim.run(RunLimits.untilEmpty());
        sim.reschedule(timer, 25);
        assertTrue(timer.isPending());
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(10L, 25L), fired);
    }

    @Test
    void timerCanRescheduleItselfFromItsOwnAction() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer[] timer = new Timer[1];
        timer[0] = sim.schedule(10, now -> {
            fired.add(now);
            if (fired.size() < 3) {
                sim.reschedule(timer[0], now + 7);
            }
        });
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(10L, 17L, 24L), fired);
    }

    @Test
    void periodicTimerCancelledFromInsideItsOwnActionNeverFiresAgain() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer[] tick = new Timer[1];
        tick[0] = sim.every(0, 10, now -> {
            fired.add(now);
            if (now == 30) {
                tick[0].cancel();
            }
        });
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.until(1_000)));
        assertEquals(List.of(0L, 10L, 20L, 30L), fired);
        assertFalse(tick[0].isPending());
        assertEquals(0, sim.pendingEntries());
    }

    @Test
    void periodicTimerCancelledByAnotherEventStops() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer tick = sim.every(5, 10, fired::add);
        sim.post(30, now -> tick.cancel());
        sim.run(RunLimits.until(100));
        assertEquals(List.of(5L, 15L, 25L), fired);
    }

    @Test
    void periodicTimerIsPendingForItsNextFiringWhileItsActionRuns() {
        Simulation sim = new Simulation(1);
        List<Long> dueDuringAction = new ArrayList<>();
        Timer[] tick = new Timer[1];
        tick[0] = sim.every(100, 40, now -> dueDuringAction.add(tick[0].dueAt()));
        sim.run(RunLimits.until(180));
        assertEquals(List.of(140L, 180L, 220L), dueDuringAction);
        assertEquals(40, tick[0].period());
    }

    /**
     * Cancelling more than 4096 timers, when they outnumber the live entries, purges the stale entries from the
     * queue; the purge must keep every live event, in order, and drop every cancelled one.
     */
    @Test
    void purgingManyCancelledTimersKeepsLiveEventsInOrderAndDropsCancelledOnes() {
        Simulation sim = new Simulation(1, 16);
        int total = 12_000;
        Timer[] timers = new Timer[total];
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            int id = i;
            // Scrambled times with ties, so the purge has to rebuild a non-trivial heap.
            long at = (i * 7_919L) % 1_000;
            timers[i] = sim.schedule(at, now -> fired.add(id));
            if (i % 5 == 0) {
                sim.post(at, now -> fired.add(-1 - id));
            }
        }
        int entriesBefore = sim.pendingEntries();
        assertEquals(total + total / 5, entriesBefore);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (i % 10 != 3) {
                timers[i].cancel();
            }
        }
        assertTrue(sim.pendingEntries() < entriesBefore,
                "more than 4096 cancellations outnumbering live entries must trigger a purge");
        // Expected order: by time, then by scheduling order (timer id before its companion post).
        record Due(long at, long order, int label) {
        }
        List<Due> due = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long at = (i * 7_919L) % 1_000;
            if (i % 10 == 3) {
                due.add(new Due(at, 2L * i, i));
            }
            if (i % 5 == 0) {
                due.add(new Due(at, 2L * i + 1, -1 - i));
            }
        }
        due.sort((a, b) -> a.at() != b.at() ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
        due.forEach(d -> expected.add(d.label()));
        sim.run(RunLimits.untilEmpty());
        assertEquals(expected, fired);
        assertEquals(0, sim.pendingEntries());
    }

    @Test
    void purgeTriggeredFromInsideAnActionDoesNotDisturbTheRun() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        Timer[] doomed = new Timer[6_000];
        for (int i = 0; i < doomed.length; i++) {
            doomed[i] = sim.schedule(1_000 + i, now -> fired.add(-now));
        }
        sim.post(10, now -> {
            for (Timer t : doomed) {
                t.cancel();
            }
            sim.post(now + 5, fired::add);
        });
        sim.post(20, fired::add);
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(15L, 20L), fired);
        assertEquals(0, sim.pendingEntries());
    }
}
