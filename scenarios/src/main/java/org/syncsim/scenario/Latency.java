package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The one-way client-server-client delay of each delivery, chosen by {@code model}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Latency.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = Latency.LogNormal.class, name = "lognormal"),
    @JsonSubTypes.Type(value = Latency.Uniform.class, name = "uniform")
})
public sealed interface Latency {
    /** The channel spec's default: log-normal, median 80 ms, 95th percentile 250 ms. */
    Latency DEFAULT = new LogNormal(Span.parse("80ms"), Span.parse("250ms"));

    /** Every delivery takes exactly {@code delay}. */
    record Fixed(Span delay) implements Latency {
        public Fixed {
            delay = delay == null ? Span.parse("80ms") : delay;
        }
    }

    /** Log-normal with this median and 95th percentile ({@code p95} must exceed {@code median}). */
    record LogNormal(Span median, Span p95) implements Latency {
        public LogNormal {
            median = median == null ? Span.parse("80ms") : median;
            p95 = p95 == null ? Span.parse("250ms") : p95;
        }
    }

    /** Uniform between {@code min} and {@code max}. */
    record Uniform(Span min, Span max) implements Latency {
        public Uniform {
            min = min == null ? Span.ZERO : min;
            max = max == null ? Span.parse("200ms") : max;
        }
    }
}
