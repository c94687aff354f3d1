package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.syncsim.channel.link.LatencyConfig;

/**
 * The one-way client-server-client delay of each delivery, chosen by {@code model}: {@code fixed},
 * {@code lognormal} and {@code uniform} draw every copy independently; {@code correlated} follows each client's
 * connection over time, so a burst arrives together (docs/channel-model.md). Defaults are read from
 * {@link LatencyConfig}, their one home.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Latency.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = Latency.LogNormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = Latency.Uniform.class, name = "uniform"),
    @JsonSubTypes.Type(value = Latency.Correlated.class, name = "correlated")
})
public sealed interface Latency {
    /**
     * {@code correlated} with median 80 ms and 95th percentile 250 ms (the channel spec's log-normal for a copy
     * picked at random): a burst shares its connections' delay instead of waiting for the slowest of its draws.
     */
    Latency DEFAULT = new Correlated(null, null, null, null, null, null);

    /** Every delivery takes exactly {@code delay}. */
    record Fixed(Span delay) implements Latency {
        public Fixed {
            delay = delay == null ? Span.millis(LatencyConfig.DEFAULT_MEDIAN_MILLIS) : delay;
        }
    }

    /** Log-normal with this median and 95th percentile ({@code p95} must exceed {@code median}). */
    record LogNormal(Span median, Span p95) implements Latency {
        public LogNormal {
            median = median == null ? Span.millis(LatencyConfig.DEFAULT_MEDIAN_MILLIS) : median;
            p95 = p95 == null ? Span.millis(LatencyConfig.DEFAULT_P95_MILLIS) : p95;
        }
    }

    /** Uniform between {@code min} and {@code max}. */
    record Uniform(Span min, Span max) implements Latency {
        public Uniform {
            min = min == null ? Span.millis(LatencyConfig.DEFAULT_UNIFORM_MIN_MILLIS) : min;
            max = max == null ? Span.millis(LatencyConfig.DEFAULT_UNIFORM_MAX_MILLIS) : max;
        }
    }

    /**
     * Each client's connection has a slowly varying delay; a copy takes the sender's and the recipient's, the
     * serialisation of its bytes on both, and a small jitter.
     *
     * @param median median delay of a copy (default 80ms)
     * @param p95 95th percentile of a copy's delay, above {@code median} (default 250ms)
     * @param correlationTime how long a connection's delay takes to forget its value (default 60s)
     * @param jitter mean of the exponential jitter of each copy (default 2ms)
     * @param uploadKbps every client's upload rate in kbit/s, 0 for no serialisation delay (default 3000)
     * @param downloadKbps every client's download rate in kbit/s, 0 for no serialisation delay (default 25000)
     */
    record Correlated(Span median, Span p95, Span correlationTime, Span jitter, Integer uploadKbps,
            Integer downloadKbps) implements Latency {
        public Correlated {
            median = median == null ? Span.millis(LatencyConfig.DEFAULT_MEDIAN_MILLIS) : median;
            p95 = p95 == null ? Span.millis(LatencyConfig.DEFAULT_P95_MILLIS) : p95;
            correlationTime = correlationTime == null ? Span.seconds(LatencyConfig.DEFAULT_CORRELATION_SECONDS)
                    : correlationTime;
            jitter = jitter == null ? Span.millis(LatencyConfig.DEFAULT_JITTER_MILLIS) : jitter;
            uploadKbps = uploadKbps == null ? (int) LatencyConfig.DEFAULT_UPLOAD_KBPS : uploadKbps;
            downloadKbps = downloadKbps == null ? (int) LatencyConfig.DEFAULT_DOWNLOAD_KBPS : downloadKbps;
        }
    }
}
