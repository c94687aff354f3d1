package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulingInThePastTest {

    private static Simulation simAt(long now) {
        Simulation sim = new Simulation(1);
        sim.post(now, t -> { });
        sim.run(RunLimits.untilEmpty());
        assertEquals(now, sim.now());
        return sim;
    }

    private static void assertNamesBothTimes(IllegalArgumentException e, long requested, long now) {
        String message = e.getMessage();
        assertTrue(message.contains(SimTime.format(requested)), () -> "requested time missing: " + message);
        assertTrue(message.contains(SimTime.format(now)), () -> "current time missing: " + message);
    }

    @Test
    void postingInThePastThrowsNamingBothTimes() {
        Simulation sim = simAt(2_500_000);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.post(1_250_000, t -> { }));
        assertNamesBothTimes(e, 1_250_000, 2_500_000);
    }

    @Test
    void schedulingReschedulingAndPeriodicTimersInThePastThrowNamingBothTimes() {
        Simulation sim = simAt(700);
        assertNamesBothTimes(assertThrows(IllegalArgumentException.class, () -> sim.schedule(699, t -> { })),
                699, 700);
        Timer timer = sim.schedule(900, t -> { });
        assertNamesBothTimes(assertThrows(IllegalArgumentException.class, () -> sim.reschedule(timer, 10)),
                10, 700);
        assertNamesBothTimes(assertThrows(IllegalArgumentException.class, () -> sim.every(0, 5, t -> { })),
                0, 700);
    }

    @Test
    void schedulingInThePastFromInsideAnActionThrows() {
        Simulation sim = new Simulation(1);
        sim.post(100, now -> sim.post(now - 1, t -> { }));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.run(RunLimits.untilEmpty()));
        assertNamesBothTimes(e, 99, 100);
    }

    @Test
    void schedulingAtTheCurrentInstantIsAllowed() {
        Simulation sim = simAt(700);
        int[] count = {0};
        sim.post(700, t -> count[0]++);
        sim.schedule(700, t -> count[0]++);
        sim.postAfter(0, t -> count[0]++);
        sim.run(RunLimits.untilEmpty());
        assertEquals(3, count[0]);
        assertEquals(700, sim.now());
    }

    @Test
    void negativeDelayIsRejected() {
        Simulation sim = simAt(700);
        assertThrows(IllegalArgumentException.class, () -> sim.postAfter(-1, t -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAfter(-5, t -> { }));
    }
}
