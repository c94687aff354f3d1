package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodicTimerTest {

    @Test
    void a16667MicrosecondTickFiresAtExactMultiples() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        sim.every(0, 16_667, fired::add);
        assertEquals(RunOutcome.TIME_LIMIT, sim.run(RunLimits.until(SimTime.seconds(1))));
        // Frames k * 16 667 µs for k = 0..59 lie within one second; frame 60 is at 1 000 020 µs.
        assertEquals(60, fired.size());
        for (int k = 0; k < fired.size(); k++) {
            assertEquals(k * 16_667L, fired.get(k));
        }
        assertEquals(1_000_000, sim.now());
    }

    @Test
    void periodicTimerKeepsItsPhaseAcrossSuccessiveRuns() {
        Simulation sim = new Simulation(1);
        List<Long> fired = new ArrayList<>();
        sim.every(250, 1_000, fired::add);
        sim.run(RunLimits.until(1_500));
        sim.run(RunLimits.until(3_250));
        assertEquals(List.of(250L, 1_250L, 2_250L, 3_250L), fired);
    }

    @Test
    void periodicTimerDoesNotAllocateANewTimerPerFiring() {
        Simulation sim = new Simulation(1);
        List<Timer> seen = new ArrayList<>();
        Timer[] tick = new Timer[1];
        tick[0] = sim.every(0, 5, now -> seen.add(tick[0]));
        sim.run(RunLimits.until(20));
        assertEquals(5, seen.size());
        seen.forEach(t -> assertEquals(tick[0], t));
        assertEquals(1, sim.pendingEntries());
    }

    @Test
    void nonPositivePeriodIsRejected() {
        Simulation sim = new Simulation(1);
        assertThrows(IllegalArgumentException.class, () -> sim.every(0, 0, now -> { }));
        assertThrows(IllegalArgumentException.class, () -> sim.every(0, -16_667, now -> { }));
    }
}
