package org.syncsim.channel.link;

import java.util.List;

/**
 * Relay latency (client to server to recipient), FIFO per sender (addon-channel.md, "The server": "Relay latency").
 * Default: {@code correlated}, a copy's delay about log-normal with median 80 ms and 95th percentile 250 ms but
 * nearly the same for consecutive messages on a connection, so a burst arrives together (docs/channel-model.md);
 * {@code lognormal} draws every copy independently.
 *
 * @param model {@code constant | uniform | lognormal | empirical | correlated}
 * @param constantMillis the delay of {@code constant}
 * @param minMillis lower bound of {@code uniform}
 * @param maxMillis upper bound of {@code uniform}
 * @param medianMillis median of {@code lognormal}, and of a copy's delay under {@code correlated}
 * @param p95Millis 95th percentile of {@code lognormal}, and of a copy's delay under {@code correlated}
 * @param empiricalMillis observed delays that {@code empirical} draws from uniformly
 * @param fifo per-sender FIFO per recipient (the game runs over TCP): a message never overtakes an earlier one
 *     from the same sender to the same recipient; it arrives no earlier than its predecessor
 * @param correlationSeconds {@code correlated}: how long a connection's delay takes to forget its value (the
 *     correlation time of its logarithm)
 * @param jitterMillis {@code correlated}: mean of the exponential jitter added to each copy
 * @param uploadKbps {@code correlated}: each client's upload rate in kbit/s (0: no serialisation delay)
 * @param downloadKbps {@code correlated}: each client's download rate in kbit/s (0: no serialisation delay)
 */
public record LatencyConfig(String model, double constantMillis, double minMillis, double maxMillis,
        double medianMillis, double p95Millis, List<Double> empiricalMillis, boolean fifo,
        double correlationSeconds, double jitterMillis, double uploadKbps, double downloadKbps) {
    /*
     * The one home of the latency defaults: the scenario records (channel.latency) read them and docs tables are
     * checked against them.
     */
    /** Median relay delay; addon-channel.md, "The server" ("median 80 ms"). Also {@code constant}'s delay. */
    public static final double DEFAULT_MEDIAN_MILLIS = 80;
    /** 95th percentile of the relay delay; addon-channel.md, "The server" ("95th percentile 250 ms"). */
    public static final double DEFAULT_P95_MILLIS = 250;
    /** {@code uniform}'s lower bound when none is given (illustrative). */
    public static final double DEFAULT_UNIFORM_MIN_MILLIS = 0;
    /** {@code uniform}'s upper bound when none is given (illustrative). */
    public static final double DEFAULT_UNIFORM_MAX_MILLIS = 200;
    /** A connection's delay drifts over about a minute; a burst of a second sees one value. */
    public static final double DEFAULT_CORRELATION_SECONDS = 60;
    public static final double DEFAULT_JITTER_MILLIS = 2;
    /** The FCC's 2015 broadband benchmark, 25 Mbit/s down and 3 Mbit/s up (FCC 15-10): a modest connection. */
    public static final double DEFAULT_UPLOAD_KBPS = 3_000;
    public static final double DEFAULT_DOWNLOAD_KBPS = 25_000;

    public LatencyConfig {
        empiricalMillis = List.copyOf(empiricalMillis);
    }

    public static LatencyConfig defaults() {
        return correlated();
    }

    public static LatencyConfig constant(double millis) {
        return named("constant").withConstant(millis);
    }

    public static LatencyConfig uniform(double minMillis, double maxMillis) {
        LatencyConfig b = named("uniform");
        return new LatencyConfig(b.model, b.constantMillis, minMillis, maxMillis, b.medianMillis, b.p95Millis,
                b.empiricalMillis, b.fifo, b.correlationSeconds, b.jitterMillis, b.uploadKbps, b.downloadKbps);
    }

    public static LatencyConfig logNormal(double medianMillis, double p95Millis) {
        return named("lognormal").withMedian(medianMillis, p95Millis);
    }

    public static LatencyConfig empirical(List<Double> millis) {
        LatencyConfig b = named("empirical");
        return new LatencyConfig(b.model, b.constantMillis, b.minMillis, b.maxMillis, b.medianMillis, b.p95Millis,
                millis, b.fifo, b.correlationSeconds, b.jitterMillis, b.uploadKbps, b.downloadKbps);
    }

    /** {@code correlated} with the default median, 95th percentile, correlation time, jitter and rates. */
    public static LatencyConfig correlated() {
        return named("correlated");
    }

    public static LatencyConfig correlated(double medianMillis, double p95Millis, double correlationSeconds,
            double jitterMillis, double uploadKbps, double downloadKbps) {
        return new LatencyConfig("correlated", DEFAULT_MEDIAN_MILLIS, DEFAULT_UNIFORM_MIN_MILLIS,
                DEFAULT_UNIFORM_MAX_MILLIS, medianMillis, p95Millis, List.of(),
                true, correlationSeconds, jitterMillis, uploadKbps, downloadKbps);
    }

    private static LatencyConfig named(String model) {
        return new LatencyConfig(model, DEFAULT_MEDIAN_MILLIS, DEFAULT_UNIFORM_MIN_MILLIS,
                DEFAULT_UNIFORM_MAX_MILLIS, DEFAULT_MEDIAN_MILLIS, DEFAULT_P95_MILLIS,
                List.of(), true, DEFAULT_CORRELATION_SECONDS, DEFAULT_JITTER_MILLIS, DEFAULT_UPLOAD_KBPS,
                DEFAULT_DOWNLOAD_KBPS);
    }

    private LatencyConfig withConstant(double millis) {
        return new LatencyConfig(model, millis, minMillis, maxMillis, medianMillis, p95Millis, empiricalMillis, fifo,
                correlationSeconds, jitterMillis, uploadKbps, downloadKbps);
    }

    private LatencyConfig withMedian(double median, double p95) {
        return new LatencyConfig(model, constantMillis, minMillis, maxMillis, median, p95, empiricalMillis, fifo,
                correlationSeconds, jitterMillis, uploadKbps, downloadKbps);
    }

    public LatencyConfig withFifo(boolean newFifo) {
        return new LatencyConfig(model, constantMillis, minMillis, maxMillis, medianMillis, p95Millis,
                empiricalMillis, newFifo, correlationSeconds, jitterMillis, uploadKbps, downloadKbps);
    }
}
