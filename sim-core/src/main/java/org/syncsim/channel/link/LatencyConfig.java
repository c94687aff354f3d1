package org.syncsim.channel.link;

import java.util.List;

/**
 * Per-delivery relay latency (client to server to recipient). Default: log-normal with median 80 ms and 95th
 * percentile 250 ms, FIFO per sender (addon-channel.md, "The server": "Relay latency").
 *
 * @param model {@code constant | uniform | lognormal | empirical}
 * @param constantMillis the delay of {@code constant}
 * @param minMillis lower bound of {@code uniform}
 * @param maxMillis upper bound of {@code uniform}
 * @param medianMillis median of {@code lognormal}
 * @param p95Millis 95th percentile of {@code lognormal}
 * @param empiricalMillis observed delays that {@code empirical} draws from uniformly
 * @param fifo per-sender FIFO per recipient (the game runs over TCP): a message never overtakes an earlier one
 *     from the same sender to the same recipient; it arrives no earlier than its predecessor
 */
public record LatencyConfig(String model, double constantMillis, double minMillis, double maxMillis,
        double medianMillis, double p95Millis, List<Double> empiricalMillis, boolean fifo) {
    public static final double DEFAULT_MEDIAN_MILLIS = 80;
    public static final double DEFAULT_P95_MILLIS = 250;

    public LatencyConfig {
        empiricalMillis = List.copyOf(empiricalMillis);
    }

    public static LatencyConfig defaults() {
        return new LatencyConfig("lognormal", DEFAULT_MEDIAN_MILLIS, 30, 250, DEFAULT_MEDIAN_MILLIS,
                DEFAULT_P95_MILLIS, List.of(), true);
    }

    public static LatencyConfig constant(double millis) {
        return new LatencyConfig("constant", millis, 30, 250, DEFAULT_MEDIAN_MILLIS, DEFAULT_P95_MILLIS, List.of(),
                true);
    }

    public static LatencyConfig uniform(double minMillis, double maxMillis) {
        return new LatencyConfig("uniform", DEFAULT_MEDIAN_MILLIS, minMillis, maxMillis, DEFAULT_MEDIAN_MILLIS,
                DEFAULT_P95_MILLIS, List.of(), true);
    }

    public static LatencyConfig logNormal(double medianMillis, double p95Millis) {
        return new LatencyConfig("lognormal", DEFAULT_MEDIAN_MILLIS, 30, 250, medianMillis, p95Millis, List.of(),
                true);
    }

    public static LatencyConfig empirical(List<Double> millis) {
        return new LatencyConfig("empirical", DEFAULT_MEDIAN_MILLIS, 30, 250, DEFAULT_MEDIAN_MILLIS,
                DEFAULT_P95_MILLIS, millis, true);
    }

    public LatencyConfig withFifo(boolean newFifo) {
        return new LatencyConfig(model, constantMillis, minMillis, maxMillis, medianMillis, p95Millis,
                empiricalMillis, newFifo);
    }
}
