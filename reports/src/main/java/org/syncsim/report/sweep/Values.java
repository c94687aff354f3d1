package org.syncsim.report.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading a parameter's value ({@code 5s}, {@code 0.25}, {@code elected}) as a number for an axis. */
public final class Values {
    private static final Pattern LEADING_NUMBER = Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private Values() {
    }

    /** The number a value starts with, its unit dropped ({@code 5s} is 5), or NaN if it starts with none. */
    public static double numeric(String value) {
        if (value == null) {
            return Double.NaN;
        }
        Matcher m = LEADING_NUMBER.matcher(value.trim());
        return m.find() ? Double.parseDouble(m.group()) : Double.NaN;
    }
}
