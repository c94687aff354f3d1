package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A non-negative length of virtual time written with a unit, as in {@code 12.5s}, {@code 250ms}, {@code 2m},
 * {@code 1h} or {@code 500us}; held in integer microseconds.
 */
public record Span(long micros) implements Comparable<Span>, java.io.Serializable {
    /** The accepted spelling (the JSON Schema's pattern). */
    public static final String PATTERN = "^[0-9]+(\\.[0-9]+)?(us|ms|s|m|h)$";
    private static final Pattern SYNTAX = Pattern.compile("([+-]?[0-9]+(?:\\.[0-9]+)?)\\s*(us|ms|s|m|h)");
    public static final Span ZERO = new Span(0);

    public Span {
        if (micros < 0) {
            throw new IllegalArgumentException("negative time " + micros + "us");
        }
    }

    /** Parses {@code 12.5s}-style text; rejects negative values and a missing unit with a message that shows the form. */
    @JsonCreator
    public static Span parse(String text) {
        return new Span(parseSigned(text, false));
    }

    public static Span seconds(double s) {
        return new Span(Math.round(s * 1e6));
    }

    /** A span of {@code ms} milliseconds (rounded to the microsecond), for defaults kept in milliseconds. */
    public static Span millis(double ms) {
        return new Span(Math.round(ms * 1e3));
    }

    static long parseSigned(String text, boolean signed) {
        String t = text == null ? "" : text.trim();
        Matcher m = SYNTAX.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a time with a unit, like 12.5s, 250ms or 2m (units us, ms, s, m, h), got \""
                    + text + "\"");
        }
        BigDecimal value = new BigDecimal(m.group(1));
        if (!signed && value.signum() < 0) {
            throw new IllegalArgumentException("negative time \"" + text + "\": times count forward, write e.g. "
                    + m.group(1).substring(1) + m.group(2));
        }
        long unit = switch (m.group(2)) {
            case "us" -> 1L;
            case "ms" -> 1_000L;
            case "s" -> 1_000_000L;
            case "m" -> 60_000_000L;
            default -> 3_600_000_000L;
        };
        BigDecimal micros = value.multiply(BigDecimal.valueOf(unit));
        if (micros.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("time \"" + text + "\" is finer than a microsecond");
        }
        return micros.longValueExact();
    }

    /** The shortest exact spelling: {@code 2m}, {@code 12.5s}, {@code 250ms}, {@code 7us}. */
    @JsonValue
    @Override
    public String toString() {
        return format(micros);
    }

    static String format(long micros) {
        long abs = Math.abs(micros);
        String sign = micros < 0 ? "-" : "";
        if (abs == 0) {
            return "0s";
        }
        if (abs % 3_600_000_000L == 0) {
            return sign + abs / 3_600_000_000L + "h";
        }
        if (abs % 60_000_000L == 0) {
            return sign + abs / 60_000_000L + "m";
        }
        if (abs % 1_000L != 0) {
            return sign + abs + "us";
        }
        if (abs < 1_000_000L) {
            return sign + abs / 1_000L + "ms";
        }
        return sign + BigDecimal.valueOf(abs, 6).stripTrailingZeros().toPlainString() + "s";
    }

    public double seconds() {
        return micros / 1e6;
    }

    @Override
    public int compareTo(Span o) {
        return Long.compare(micros, o.micros);
    }
}
