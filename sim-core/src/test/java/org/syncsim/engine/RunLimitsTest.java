package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunLimitsTest {

    @Test
    void runStopsWhenTheQueueIsEmptyWithTheClockAtTheLastEvent() {
        Simulation sim = new Simulation(1);
        sim.post(10, t -> { });
        sim.post(40, t -> { });
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.untilEmpty()));
        assertEquals(40, sim.now());
        assertEquals(2, sim.eventsProcessed());
    }

    @Test
    void eventsAtExactlyTheTimeLimitRunAndTheClockEndsAtTheLimit() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        sim.post(100, fired::add);
        sim.post(1_000, fired::add);
        sim.post(1_000, fired::add);
        sim.post(1_001, fired::add);
        assertEquals(RunOutcome.TIME_LIMIT, sim.run(RunLimits.until(1_000)));
        assertEquals(List.of(100L, 1_000L, 1_000L), fired);
        assertEquals(1_000, sim.now());
        assertEquals(1, sim.pendingEntries());
    }

    @Test
    void timeLimitBetweenEventsAdvancesTheClockToTheLimitAndTheNextRunContinues() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        sim.post(100, fired::add);
        sim.post(900, fired::add);
        assertEquals(RunOutcome.TIME_LIMIT, sim.run(RunLimits.until(500)));
        assertEquals(500, sim.now());
        assertEquals(List.of(100L), fired);
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.until(5_000)));
        assertEquals(List.of(100L, 900L), fired);
    }

    @Test
    void timeLimitBeforeTheCurrentTimeIsRejectedInsteadOfMovingTheClockBack() {
        Simulation sim = new Simulation(1);
        sim.post(100, t -> { });
        sim.post(900, t -> { });
        sim.run(RunLimits.until(500));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.run(RunLimits.until(200)));
        assertTrue(e.getMessage().contains(SimTime.format(200)) && e.getMessage().contains(SimTime.format(500)),
                e.getMessage());
        assertEquals(500, sim.now());
    }

    @Test
    void stopConditionEndsTheRunRightAfterTheEventThatMadeItTrue() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        for (long t = 1; t <= 10; t++) {
            sim.post(t * 10, fired::add);
        }
        assertEquals(RunOutcome.STOPPED, sim.run(RunLimits.untilEmpty().withStop(() -> fired.size() == 4)));
        assertEquals(List.of(10L, 20L, 30L, 40L), fired);
        assertEquals(40, sim.now());
        assertEquals(6, sim.pendingEntries());
    }

    @Test
    void eventCapExceededThrowsAClearErrorAndKeepsTheUnprocessedEvent() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        for (long t = 1; t <= 5; t++) {
            sim.post(t, fired::add);
        }
        EventCapExceededException e = assertThrows(EventCapExceededException.class,
                () -> sim.run(RunLimits.untilEmpty().withEventCap(3)));
        assertEquals(3, e.cap());
        assertEquals(4, e.time());
        assertTrue(e.getMessage().contains("event cap of 3"), e.getMessage());
        assertEquals(List.of(1L, 2L, 3L), fired);
        // The event that hit the cap is still pending and runs on the next call, in order.
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.untilEmpty()));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), fired);
    }

    @Test
    void eventCapCountsOnlyEventsThatRunNotCancelledEntries() {
        Simulation sim = new Simulation(1);
        int[] count = {0};
        for (int i = 0; i < 10; i++) {
            sim.schedule(5, t -> count[0] += 100).cancel();
        }
        sim.post(6, t -> count[0]++);
        sim.post(7, t -> count[0]++);
        assertEquals(RunOutcome.QUEUE_EMPTY, sim.run(RunLimits.untilEmpty().withEventCap(2)));
        assertEquals(2, count[0]);
    }

    @Test
    void cappedTimerEventStaysPendingAfterTheCapIsHit() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        sim.post(1, fired::add);
        Timer tick = sim.every(2, 10, fired::add);
        assertThrows(EventCapExceededException.class, () -> sim.run(RunLimits.until(100).withEventCap(1)));
        assertTrue(tick.isPending());
        assertEquals(2, tick.dueAt());
        sim.run(RunLimits.until(25));
        assertEquals(List.of(1L, 2L, 12L, 22L), fired);
    }

    @Test
    void selfReschedulingActionHitsTheCapInsteadOfHanging() {
        Simulation sim = new Simulation(1);
        Action[] loop = new Action[1];
        loop[0] = now -> sim.post(now, loop[0]); // never advances time: a protocol stuck in a loop
        sim.post(0, loop[0]);
        EventCapExceededException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(EventCapExceededException.class,
                        () -> sim.run(RunLimits.untilEmpty().withEventCap(1_000_000))));
        assertEquals(1_000_000, e.cap());
        assertEquals(0, e.time());
        assertEquals(1_000_000, sim.eventsProcessed());
    }

    @Test
    void aTestRunCapsEveryRunAtTheCeilingSoALoopFailsFast() {
        // the parent pom sets -Dsyncsim.eventCapCeiling for the tests; the default cap is 200 000 000
        assertTrue(RunLimits.EVENT_CAP_CEILING <= 5_000_000, "tests run with -D"
                + RunLimits.EVENT_CAP_CEILING_PROPERTY + ", got " + RunLimits.EVENT_CAP_CEILING);
        assertEquals(RunLimits.EVENT_CAP_CEILING, RunLimits.untilEmpty().eventCap());
        assertEquals(RunLimits.EVENT_CAP_CEILING, RunLimits.until(5).withEventCap(Long.MAX_VALUE).eventCap());
        assertEquals(1_000, RunLimits.untilEmpty().withEventCap(1_000).eventCap(), "a lower cap stays");
    }

    @Test
    void invalidLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RunLimits.until(-1));
        assertThrows(IllegalArgumentException.class, () -> RunLimits.untilEmpty().withEventCap(0));
    }
}
