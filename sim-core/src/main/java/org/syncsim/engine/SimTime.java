package org.syncsim.engine;

import java.util.Locale;

/** Virtual time is an integer count of microseconds; these helpers convert to and from human units. */
public final class SimTime {
    public static final long MICROS_PER_MILLI = 1_000L;
    public static final long MICROS_PER_SECOND = 1_000_000L;

    private SimTime() {
    }

    /** Seconds to microseconds, rounded to the nearest microsecond. */
    public static long seconds(double seconds) {
        return Math.round(seconds * MICROS_PER_SECOND);
    }

    /** Milliseconds to microseconds, rounded to the nearest microsecond. */
    public static long millis(double millis) {
        return Math.round(millis * MICROS_PER_MILLI);
    }

    /** Microseconds to (fractional) seconds. */
    public static double toSeconds(long micros) {
        return micros / (double) MICROS_PER_SECOND;
    }

    /** Formats a time as seconds with microsecond precision, e.g. {@code 12.500000s}. */
    public static String format(long micros) {
        return String.format(Locale.ROOT, "%.6fs", toSeconds(micros));
    }
}
