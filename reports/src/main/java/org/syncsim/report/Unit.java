package org.syncsim.report;

import org.syncsim.report.html.Html;

/** How a metric's values read: seconds, bytes, a fraction or a plain count; chosen from the metric's name. */
public enum Unit {
    SECONDS, BYTES, FRACTION, COUNT;

    public static Unit of(String metric) {
        if (metric.endsWith("_s")) {
            return SECONDS;
        }
        if (metric.startsWith("sent_bytes") || metric.endsWith("_bytes")) {
            return BYTES;
        }
        if (metric.endsWith("_fraction")) {
            return FRACTION;
        }
        return COUNT;
    }

    /** The value for people; a dash for NaN (a metric without any value: a time to sync where no wait ended). */
    public String format(double v) {
        if (Double.isNaN(v)) {
            return "\u2013";
        }
        return switch (this) {
            case SECONDS -> Html.seconds(v);
            case BYTES -> Html.bytes(v);
            case FRACTION -> Html.percent(v);
            case COUNT -> Html.number(v);
        };
    }
}
