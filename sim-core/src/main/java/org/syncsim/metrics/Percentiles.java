package org.syncsim.metrics;

/**
 * Summary of a set of durations in microseconds: count, 50th and 95th percentile (nearest rank) and maximum;
 * all zero when empty.
 */
public record Percentiles(long count, long p50Micros, long p95Micros, long maxMicros)
        implements java.io.Serializable {
    public static final Percentiles EMPTY = new Percentiles(0, 0, 0, 0);
}
