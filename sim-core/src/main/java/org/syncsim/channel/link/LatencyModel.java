package org.syncsim.channel.link;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.syncsim.engine.SimTime;

/**
 * A relay-latency distribution, chosen by name ({@link #of}); it makes one sampler per random stream (one per
 * recipient link), so links draw independently.
 */
@FunctionalInterface
public interface LatencyModel {
    LatencySampler sampler(UniformRandomProvider rng);

    /** The model a {@link LatencyConfig} names: {@code constant | uniform | lognormal | empirical}. */
    static LatencyModel of(LatencyConfig c) {
        return switch (c.model().toLowerCase(Locale.ROOT)) {
            case "constant" -> constant(SimTime.millis(c.constantMillis()));
            case "uniform" -> uniform(SimTime.millis(c.minMillis()), SimTime.millis(c.maxMillis()));
            case "lognormal" -> logNormal(c.medianMillis(), c.p95Millis());
            case "empirical" -> empirical(c.empiricalMillis().stream().mapToLong(SimTime::millis).toArray());
            default -> throw new IllegalArgumentException("unknown latency model '" + c.model()
                    + "' (expected constant, uniform, lognormal or empirical)");
        };
    }

    static LatencyModel constant(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("latency must be >= 0, got " + micros + " us");
        }
        return rng -> () -> micros;
    }

    /** Uniform on whole microseconds in {@code [min, max]}. */
    static LatencyModel uniform(long minMicros, long maxMicros) {
        if (minMicros < 0 || maxMicros < minMicros) {
            throw new IllegalArgumentException("uniform latency needs 0 <= min <= max, got " + minMicros + ".."
                    + maxMicros + " us");
        }
        long span = maxMicros - minMicros + 1;
        return rng -> () -> minMicros + rng.nextLong(span);
    }

    /**
     * Log-normal given its median and 95th percentile: {@code mu = ln(median)},
     * {@code sigma = ln(p95 / median) / z(0.95)} with {@code z} from Commons Math's standard normal.
     */
    static LatencyModel logNormal(double medianMillis, double p95Millis) {
        if (!(medianMillis > 0) || !(p95Millis > medianMillis)) {
            throw new IllegalArgumentException("lognormal latency needs 0 < median < p95, got median " + medianMillis
                    + " ms, p95 " + p95Millis + " ms");
        }
        // no generator (the default one is seeded from the clock): only the inverse CDF is used
        double z95 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.95);
        double mu = Math.log(medianMillis * SimTime.MICROS_PER_MILLI);
        double sigma = Math.log(p95Millis / medianMillis) / z95;
        return rng -> {
            ContinuousSampler s = LogNormalSampler.of(ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
            return () -> Math.round(s.sample());
        };
    }

    /** Bootstrap from observed delays: each draw is one of the values, uniformly. */
    static LatencyModel empirical(long[] micros) {
        if (micros.length == 0) {
            throw new IllegalArgumentException("empirical latency needs at least one value");
        }
        long[] values = micros.clone();
        for (long v : values) {
            if (v < 0) {
                throw new IllegalArgumentException("empirical latency values must be >= 0, got " + v + " us");
            }
        }
        return rng -> () -> values[rng.nextInt(values.length)];
    }
}
