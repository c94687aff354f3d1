package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How far a client's wall clock ({@code time()}) is ahead (positive) or behind (negative) true time, written
 * like a {@link Span} with an optional sign: {@code -90s}, {@code +2m}. The addon stamps imports with it.
 */
public record ClockOffset(long micros) {
    public static final String PATTERN = "^[+-]?[0-9]+(\\.[0-9]+)?(us|ms|s|m|h)$";
    public static final ClockOffset NONE = new ClockOffset(0);

    @JsonCreator
    public static ClockOffset parse(String text) {
        return new ClockOffset(Span.parseSigned(text, true));
    }

    @JsonValue
    @Override
    public String toString() {
        return Span.format(micros);
    }
}
