package org.syncsim.engine;

import java.util.function.BooleanSupplier;

/**
 * When {@link Simulation#run(RunLimits)} stops: at the first of an empty queue, the time limit (events at
 * exactly the limit still run), or the stop condition (checked after every event). Exceeding the event cap is
 * an error, not a stop.
 *
 * @param untilMicros last instant that may run; {@link Long#MAX_VALUE} for none
 * @param eventCap    most events this call may process before it throws {@link EventCapExceededException}
 * @param stop        checked after each event; {@code null} for none
 */
public record RunLimits(long untilMicros, long eventCap, BooleanSupplier stop) {
    /** A default cap generous enough for any sane scenario but small enough to stop a runaway loop quickly. */
    public static final long DEFAULT_EVENT_CAP = 200_000_000L;

    public RunLimits {
        if (untilMicros < 0) {
            throw new IllegalArgumentException("time limit must be >= 0, got " + untilMicros);
        }
        if (eventCap <= 0) {
            throw new IllegalArgumentException("event cap must be > 0, got " + eventCap);
        }
    }

    /** Run until the queue is empty (within the default cap). */
    public static RunLimits untilEmpty() {
        return new RunLimits(Long.MAX_VALUE, DEFAULT_EVENT_CAP, null);
    }

    /** Run until the given instant (within the default cap). */
    public static RunLimits until(long micros) {
        return new RunLimits(micros, DEFAULT_EVENT_CAP, null);
    }

    public RunLimits withEventCap(long cap) {
        return new RunLimits(untilMicros, cap, stop);
    }

    public RunLimits withStop(BooleanSupplier condition) {
        return new RunLimits(untilMicros, eventCap, condition);
    }
}
