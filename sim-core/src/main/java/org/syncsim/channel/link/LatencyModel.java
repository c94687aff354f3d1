package org.syncsim.channel.link;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.syncsim.engine.SimTime;

/**
 * A relay-latency model, chosen by name ({@link #of}); it makes one sampler per random stream (one per client's
 * link), so links draw independently. {@code constant}, {@code uniform}, {@code lognormal} and {@code empirical}
 * draw each copy's whole delay independently (i.i.d.); {@code correlated} models the two TCP connections a copy
 * travels, whose delay varies slowly, so the messages of one burst arrive close together.
 */
@FunctionalInterface
public interface LatencyModel {
    LatencySampler sampler(UniformRandomProvider rng);

    /** The model a {@link LatencyConfig} names: {@code constant | uniform | lognormal | empirical | correlated}. */
    static LatencyModel of(LatencyConfig c) {
        return switch (c.model().toLowerCase(Locale.ROOT)) {
            case "constant" -> constant(SimTime.millis(c.constantMillis()));
            case "uniform" -> uniform(SimTime.millis(c.minMillis()), SimTime.millis(c.maxMillis()));
            case "lognormal" -> logNormal(c.medianMillis(), c.p95Millis());
            case "empirical" -> empirical(c.empiricalMillis().stream().mapToLong(SimTime::millis).toArray());
            case "correlated" -> correlated(c.medianMillis(), c.p95Millis(), c.correlationSeconds(),
                    c.jitterMillis(), c.uploadKbps(), c.downloadKbps());
            default -> throw new IllegalArgumentException("unknown latency model '" + c.model()
                    + "' (expected constant, uniform, lognormal, empirical or correlated)");
        };
    }

    static LatencyModel constant(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("latency must be >= 0, got " + micros + " us");
        }
        return rng -> (t, bytes) -> micros;
    }

    /** Uniform on whole microseconds in {@code [min, max]}. */
    static LatencyModel uniform(long minMicros, long maxMicros) {
        if (minMicros < 0 || maxMicros < minMicros) {
            throw new IllegalArgumentException("uniform latency needs 0 <= min <= max, got " + minMicros + ".."
                    + maxMicros + " us");
        }
        long span = maxMicros - minMicros + 1;
        return rng -> (t, bytes) -> minMicros + rng.nextLong(span);
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
            return (t, bytes) -> Math.round(s.sample());
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
        return rng -> (t, bytes) -> values[rng.nextInt(values.length)];
    }

    /**
     * A copy travels the sender's connection to the server and the recipient's connection from it (TCP both ways),
     * so consecutive messages see nearly the same delay. Each client's connection has a one-way delay that wanders
     * slowly: its logarithm is an Ornstein-Uhlenbeck process with correlation time {@code correlationSeconds},
     * stationary log-normal. The two legs' log-normal is chosen by Fenton-Wilkinson moment matching (Fenton 1960):
     * the sum of two independent legs has the mean and variance of the log-normal with this {@code median} and
     * {@code p95}, so the delay of a copy picked at random is distributed about as {@link #logNormal}'s. On top: the
     * serialisation of the message's bytes on the sender's upload (once per message, queued behind the sender's
     * earlier messages) and on the recipient's download (queued behind earlier copies to it), a rate of 0 meaning
     * none; and an exponential jitter with mean {@code jitterMillis} per copy.
     */
    static LatencyModel correlated(double medianMillis, double p95Millis, double correlationSeconds,
            double jitterMillis, double uploadKbps, double downloadKbps) {
        Correlated p = Correlated.of(medianMillis, p95Millis, correlationSeconds, jitterMillis, uploadKbps,
                downloadKbps);
        return rng -> new Connection(p, rng);
    }

    /** The {@code correlated} model's parameters, in the units its {@link Connection}s use. */
    record Correlated(double legMu, double legSigma, double correlationMicros, double jitterMeanMicros,
            double uploadMicrosPerByte, double downloadMicrosPerByte) {
        static Correlated of(double medianMillis, double p95Millis, double correlationSeconds, double jitterMillis,
                double uploadKbps, double downloadKbps) {
            if (!(medianMillis > 0) || !(p95Millis > medianMillis)) {
                throw new IllegalArgumentException("correlated latency needs 0 < median < p95, got median "
                        + medianMillis + " ms, p95 " + p95Millis + " ms");
            }
            if (!(correlationSeconds > 0)) {
                throw new IllegalArgumentException("correlated latency needs a correlation time > 0, got "
                        + correlationSeconds + " s");
            }
            if (!(jitterMillis >= 0) || !(uploadKbps >= 0) || !(downloadKbps >= 0)) {
                throw new IllegalArgumentException("correlated latency needs jitter, upload and download >= 0, got "
                        + jitterMillis + " ms, " + uploadKbps + " kbit/s, " + downloadKbps + " kbit/s");
            }
            double z95 = new NormalDistribution(null, 0, 1).inverseCumulativeProbability(0.95);
            double sigma = Math.log(p95Millis / medianMillis) / z95;
            double mean = medianMillis * SimTime.MICROS_PER_MILLI * Math.exp(sigma * sigma / 2);
            double legVariance = Math.log(1 + 2 * Math.expm1(sigma * sigma));
            double legMu = Math.log(mean / 2) - legVariance / 2;
            return new Correlated(legMu, Math.sqrt(legVariance), correlationSeconds * SimTime.MICROS_PER_SECOND,
                    jitterMillis * SimTime.MICROS_PER_MILLI, microsPerByte(uploadKbps),
                    microsPerByte(downloadKbps));
        }

        private static double microsPerByte(double kbps) {
            return kbps == 0 ? 0 : 8_000.0 / kbps;
        }
    }
}
