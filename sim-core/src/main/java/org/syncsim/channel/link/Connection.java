package org.syncsim.channel.link;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * The {@code correlated} latency of one client's connection (see {@link LatencyModel#correlated}): a one-way delay
 * that wanders slowly (an Ornstein-Uhlenbeck process on its logarithm, stepped exactly whenever it is read), one
 * serialisation queue for the upload and one for the download, and an exponential jitter per received copy.
 * Reads at an instant earlier than the last one (a copy relayed ahead of a later send) see the current delay.
 */
final class Connection implements LatencySampler {
    private final double mu;
    private final double sigma;
    private final double microsPerCorrelation;
    private final double uploadMicrosPerByte;
    private final double downloadMicrosPerByte;
    private final ContinuousSampler gaussian;
    private final ContinuousSampler jitter;
    private double logDelay;
    private double delay;
    private long readAt;
    private long uploadFree = Long.MIN_VALUE;
    private long downloadFree = Long.MIN_VALUE;

    Connection(LatencyModel.Correlated p, UniformRandomProvider rng) {
        this.mu = p.legMu();
        this.sigma = p.legSigma();
        this.microsPerCorrelation = p.correlationMicros();
        this.uploadMicrosPerByte = p.uploadMicrosPerByte();
        this.downloadMicrosPerByte = p.downloadMicrosPerByte();
        this.gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        this.jitter = p.jitterMeanMicros() > 0 ? ZigguratSampler.Exponential.of(rng, p.jitterMeanMicros()) : null;
        this.logDelay = mu + sigma * gaussian.sample();
        this.delay = Math.exp(logDelay);
        this.readAt = Long.MIN_VALUE;
    }

    @Override
    public long sendMicros(long now, int bytes) {
        long start = Math.max(now, uploadFree);
        uploadFree = start + Math.round(bytes * uploadMicrosPerByte);
        return uploadFree - now + Math.round(delayAt(now));
    }

    @Override
    public long receiveMicros(long relayAt, int bytes) {
        long start = Math.max(relayAt, downloadFree);
        long done = start + Math.round(bytes * downloadMicrosPerByte);
        if (bytes > 0) {
            downloadFree = done;
        }
        long d = done - relayAt + Math.round(delayAt(relayAt));
        return jitter == null ? d : d + Math.round(jitter.sample());
    }

    /** The one-way delay at {@code t}; the first read keeps the stationary draw made at creation. */
    private double delayAt(long t) {
        if (readAt == Long.MIN_VALUE) {
            readAt = t;
        } else if (t > readAt) {
            double rho = Math.exp(-(t - readAt) / microsPerCorrelation);
            logDelay = mu + rho * (logDelay - mu) + sigma * Math.sqrt(1 - rho * rho) * gaussian.sample();
            delay = Math.exp(logDelay);
            readAt = t;
        }
        return delay;
    }
}
