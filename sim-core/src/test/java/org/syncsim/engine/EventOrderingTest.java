package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class EventOrderingTest {

    @Test
    void eventsRunInTimeOrderWhateverTheSchedulingOrder() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        for (long at : new long[] {500, 20, 300, 0, 10_000, 21}) {
            sim.post(at, fired::add);
        }
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(0L, 20L, 21L, 300L, 500L, 10_000L), fired);
    }

    @Test
    void sameInstantEventsRunInSchedulingOrderAcrossPostsTimersAndPeriodicTimers() {
        Simulation sim = new Simulation(1);
        List<String> fired = new ArrayList<>();
        sim.post(100, now -> fired.add("post-1"));
        sim.schedule(100, now -> fired.add("timer-2"));
        Timer periodic = sim.every(100, 1_000, now -> fired.add("every-3"));
        sim.post(100, now -> fired.add("post-4"));
        sim.scheduleAfter(100, now -> fired.add("timer-5"));
        sim.run(RunLimits.until(100));
        periodic.cancel();
        assertEquals(List.of("post-1", "timer-2", "every-3", "post-4", "timer-5"), fired);
    }

    @Test
    void eventScheduledForTheCurrentInstantRunsAfterTheEventsAlreadyDueThen() {
        Simulation sim = new Simulation(1);
        List<String> fired = new ArrayList<>();
        sim.post(50, now -> {
            fired.add("a");
            sim.post(now, later -> fired.add("a-child"));
            sim.postAfter(0, later -> fired.add("a-child-2"));
        });
        sim.post(50, now -> fired.add("b"));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of("a", "b", "a-child", "a-child-2"), fired);
    }

    @Test
    void rescheduledTimerTakesTheFifoPlaceOfItsNewSchedulingCall() {
        Simulation sim = new Simulation(1);
        List<String> fired = new ArrayList<>();
        Timer first = sim.schedule(10, now -> fired.add("first"));
        sim.post(10, now -> fired.add("second"));
        sim.reschedule(first, 10);
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of("second", "first"), fired);
    }

    /** Many events with heavy ties, checked against a stable sort of (time, scheduling order). */
    @Test
    void manyEventsWithTiesComeOutInStableTimeOrder() {
        Simulation sim = new Simulation(1, 4);
        UniformRandomProvider rng = RandomStreams.fresh(42, "test/ordering");
        record Scheduled(long time, int order) {
        }
        List<Scheduled> expected = new ArrayList<>();
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            long at = rng.nextInt(500);
            int order = i;
            expected.add(new Scheduled(at, order));
            if (i % 3 == 0) {
                sim.schedule(at, now -> fired.add(order));
            } else {
                sim.post(at, now -> fired.add(order));
            }
        }
        expected.sort(Comparator.comparingLong(Scheduled::time)); // List.sort is stable
        sim.run(RunLimits.untilEmpty());
        assertEquals(expected.stream().map(Scheduled::order).toList(), fired);
    }

    /** A hold model interleaving removals and insertions, checked against an independently kept sorted list. */
    @Test
    void interleavedSchedulingDuringTheRunKeepsStableTimeOrder() {
        Simulation sim = new Simulation(1, 2);
        UniformRandomProvider rng = RandomStreams.fresh(7, "test/hold");
        List<long[]> fired = new ArrayList<>();
        int[] created = {0};
        Action[] hold = new Action[1];
        hold[0] = now -> {
            fired.add(new long[] {now});
            if (created[0] < 50_000) {
                created[0]++;
                sim.postAfter(rng.nextInt(64), hold[0]);
            }
        };
        for (int i = 0; i < 1_000; i++) {
            created[0]++;
            sim.post(rng.nextInt(64), hold[0]);
        }
        sim.run(RunLimits.untilEmpty());
        assertEquals(created[0], fired.size());
        for (int i = 1; i < fired.size(); i++) {
            if (fired.get(i)[0] < fired.get(i - 1)[0]) {
                throw new AssertionError("time went backwards at event " + i);
            }
        }
        assertEquals(created[0], sim.eventsProcessed());
    }
}
