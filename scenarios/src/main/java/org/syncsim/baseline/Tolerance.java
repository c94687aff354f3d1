package org.syncsim.baseline;

import java.util.Locale;

/**
 * How far a metric may move from its baseline: by {@code relative} of the baseline's value or by {@code absolute}
 * in the metric's unit, whichever allows more. Both zero means any change at all fails.
 */
public record Tolerance(double relative, double absolute) {
    public Tolerance {
        if (!(relative >= 0) || !(absolute >= 0) || Double.isInfinite(relative) || Double.isInfinite(absolute)) {
            throw new IllegalArgumentException("a tolerance is a finite number of 0 or more");
        }
    }

    /** The room around {@code value}: the larger of its relative share and the absolute tolerance. */
    public double around(double value) {
        return Math.max(relative * Math.abs(value), absolute);
    }

    /** In words for the check's table, e.g. {@code ±2 %}, {@code ±5 % or 0.001}, {@code exact}. */
    public String describe() {
        if (relative == 0 && absolute == 0) {
            return "exact";
        }
        String rel = relative == 0 ? null : "±" + number(relative * 100) + " %";
        String abs = absolute == 0 ? null : "±" + number(absolute);
        return rel == null ? abs : abs == null ? rel : rel + " or " + number(absolute);
    }

    /** A number with up to six significant digits and no trailing zeros. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceFirst("\\.?0+(?=$|e)", "");
    }
}
