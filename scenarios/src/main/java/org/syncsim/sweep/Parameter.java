package org.syncsim.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One parameter a sweep varies: a {@code --set} path ({@code key}, any scenario field or policy parameter) and its
 * values, given in exactly one way. A grid parameter lists them ({@code values}), steps through a range
 * ({@code range}) or a log range ({@code log-range}); a sampled parameter gives {@code bounds} that the sweep's
 * sample plan draws from (uniformly, or uniformly in the logarithm with {@code scale: log}). Numbers are written
 * with {@code unit} appended ({@code s} for a duration; a duration in us, ms or s rounded to whole microseconds, as
 * fine as a scenario's times go), rounded to whole numbers with {@code integer: true}.
 *
 * @param key the {@code --set} path, e.g. {@code protocol.policies.backoff.base}
 * @param values the values as they would follow {@code key=}, e.g. {@code [2s, 5s, 10s]} or {@code [elected, all]}
 * @param range from, to (included when a whole number of steps away) and step
 * @param logRange from and to, both included, with {@code points} values spaced evenly in the logarithm
 * @param bounds lowest and highest value a sample may take
 * @param scale how samples spread within the bounds: {@code linear} (default) or {@code log}
 * @param integer round numbers to whole ones (a count)
 * @param unit appended to every number, e.g. {@code s}
 */
public record Parameter(String key, List<String> values, Range range, @JsonProperty("log-range") LogRange logRange,
        List<Double> bounds, Scale scale, Boolean integer, String unit) {

    /** A linear range: {@code from}, {@code from + step}, ... up to {@code to}. */
    public record Range(Double from, Double to, Double step) {
    }

    /** {@code points} values from {@code from} to {@code to}, evenly spaced in the logarithm. */
    public record LogRange(Double from, Double to, Integer points) {
    }

    /** How a sampled parameter spreads over its bounds. */
    public enum Scale {
        @JsonProperty("linear") LINEAR,
        @JsonProperty("log") LOG
    }

    public Parameter {
        values = values == null ? null : List.copyOf(values);
        bounds = bounds == null ? null : List.copyOf(bounds);
        scale = scale == null ? Scale.LINEAR : scale;
        integer = integer != null && integer;
        unit = unit == null ? "" : unit;
    }

    /**
     * What is wrong with {@code bounds}, or null: two numbers, low below high, and above 0 on a log scale. Sweep and
     * tune files report it at the parameter's {@code /bounds}.
     */
    public String boundsProblem() {
        List<Double> b = bounds;
        if (b.size() != 2 || b.get(0) == null || b.get(1) == null || !(b.get(1) > b.get(0))) {
            return "expected [low, high] with low < high, got " + b;
        }
        if (scale == Scale.LOG && !(b.get(0) > 0)) {
            return "scale: log needs bounds above 0, got " + b;
        }
        return null;
    }

    /** Whether the sample plan draws this parameter (it gives bounds) rather than the grid crossing its values. */
    public boolean sampled() {
        return bounds != null;
    }

    /** The grid values, as written after {@code key=}; a sampled parameter has none. */
    public List<String> gridValues() {
        if (values != null) {
            return values;
        }
        List<String> out = new ArrayList<>();
        if (range != null) {
            // counted in whole steps from `from`, so 0.1 steps do not drift (0.30000000000000004)
            long n = (long) Math.floor((range.to() - range.from()) / range.step() * (1 + 1e-12));
            for (long i = 0; i <= n; i++) {
                out.add(format(range.from() + i * range.step()));
            }
        } else if (logRange != null) {
            double lo = Math.log(logRange.from());
            double hi = Math.log(logRange.to());
            for (int i = 0; i < logRange.points(); i++) {
                double v = i == 0 ? logRange.from() : i == logRange.points() - 1 ? logRange.to()
                        : Math.exp(lo + (hi - lo) * i / (logRange.points() - 1));
                out.add(format(v));
            }
        }
        return out;
    }

    /** The sampled value at {@code u} in [0, 1] of the bounds (linearly, or in the logarithm). */
    public String at(double u) {
        double lo = bounds.get(0);
        double hi = bounds.get(1);
        double v = scale == Scale.LOG ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
        return format(Math.min(hi, Math.max(lo, v)));
    }

    /** The number as a value of the key: rounded to {@link #SIGNIFICANT} digits (or whole), without trailing zeros. */
    public String format(double v) {
        if (integer) {
            return Math.round(v) + unit;
        }
        BigDecimal d = new BigDecimal(v).round(new java.math.MathContext(SIGNIFICANT)).stripTrailingZeros();
        Integer finest = MICROSECOND_DECIMALS.get(unit); // a scenario's times go no finer than a microsecond
        if (finest != null && d.scale() > finest) {
            d = d.setScale(finest, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
        }
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString() + unit;
    }

    /** Per time unit, the decimals of a whole microsecond (a minute's or hour's are finer than any setting). */
    private static final java.util.Map<String, Integer> MICROSECOND_DECIMALS = java.util.Map.of("us", 0, "ms", 3,
            "s", 6);

    /**
     * Significant digits a number keeps: a sampled 4.912s reads as a setting, and a step of 0.1 cannot drift
     * (0.1 + 0.2 reads 0.3).
     */
    public static final int SIGNIFICANT = 4;
}
