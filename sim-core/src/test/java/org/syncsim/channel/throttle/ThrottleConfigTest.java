package org.syncsim.channel.throttle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Priority;

/** A throttle's parameters: rates positive, sizes and intervals non-negative (0 turns a limit off). */
class ThrottleConfigTest {
    private static ThrottleConfig with(double maxCps, double burst, int overhead, double minFps, long despool,
            long clamp, int maxBytes) {
        return new ThrottleConfig(ThrottleConfig.Mode.CTL, maxCps, burst, overhead, minFps, despool, clamp,
                ThrottleConfig.CTL_ORDER, maxBytes);
    }

    @Test
    void ratesMustBePositiveAndTheRestMayBeZero() {
        assertThrows(IllegalArgumentException.class, () -> with(0, 4000, 40, 20, 80_000, 5_000_000, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 0, 40, 20, 80_000, 5_000_000, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 4000, -1, 20, 80_000, 5_000_000, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 4000, 40, -1, 80_000, 5_000_000, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 4000, 40, 20, -1, 5_000_000, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 4000, 40, 20, 80_000, -1, 255));
        assertThrows(IllegalArgumentException.class, () -> with(800, 4000, 40, 20, 80_000, 5_000_000, -1));
        assertDoesNotThrow(() -> with(Double.MIN_VALUE, Double.MIN_VALUE, 0, 0, 0, 0, 0));
    }

    @Test
    void eachWitherChangesItsOwnParameter() {
        ThrottleConfig c = ThrottleConfig.ctl();
        ThrottleConfig rates = c.withRates(1200, 6000); // the forks' constants (addon-channel.md)
        assertEquals(1200, rates.maxCps());
        assertEquals(6000, rates.burst());
        assertEquals(0, c.withOverhead(0).overheadBytes());
        assertEquals(30, c.withMinFps(30).minFps());
        List<Priority> order = List.of(Priority.ALERT, Priority.NORMAL, Priority.BULK);
        assertEquals(order, c.withPriorityOrder(order).priorityOrder());
        assertThrows(IllegalArgumentException.class,
                () -> c.withPriorityOrder(List.of(Priority.ALERT, Priority.ALERT, Priority.BULK)));
    }
}
