package org.syncsim.engine;

import java.util.function.BooleanSupplier;

/**
 * When {@link Simulation#run(RunLimits)} stops: at the first of an empty queue, the time limit (events at
 * exactly the limit still run), or the stop condition (checked after every event). Exceeding the event cap is
 * an error, not a stop.
 *
 * @param untilMicros last instant that may run; {@link Long#MAX_VALUE} for none
 * @param eventCap    most events this call may process before it throws {@link EventCapExceededException}; never
 *                    above {@link #EVENT_CAP_CEILING}
 * @param stop        checked after each event; {@code null} for none
 */
public record RunLimits(long untilMicros, long eventCap, BooleanSupplier stop) {
    /** A default cap generous enough for any sane scenario but small enough to stop a runaway loop quickly. */
    public static final long DEFAULT_EVENT_CAP = 200_000_000L;
    /**
     * System property that lowers every run's event cap to at most its value. The test runs set it (Surefire's
     * {@code systemPropertyVariables} in the parent pom): a protocol that loops without end then fails within
     * seconds on the cap, by name ({@code run.event-cap} for a scenario), instead of growing the heap for minutes
     * until an {@link OutOfMemoryError}. Unset, as in the command line, caps are what the caller asks for.
     */
    public static final String EVENT_CAP_CEILING_PROPERTY = "syncsim.eventCapCeiling";
    /** The ceiling {@link #EVENT_CAP_CEILING_PROPERTY} sets, {@link Long#MAX_VALUE} if unset. */
    public static final long EVENT_CAP_CEILING = Long.getLong(EVENT_CAP_CEILING_PROPERTY, Long.MAX_VALUE);

    public RunLimits {
        if (untilMicros < 0) {
            throw new IllegalArgumentException("time limit must be >= 0, got " + untilMicros);
        }
        if (eventCap <= 0) {
            throw new IllegalArgumentException("event cap must be > 0, got " + eventCap);
        }
        eventCap = Math.min(eventCap, EVENT_CAP_CEILING);
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
