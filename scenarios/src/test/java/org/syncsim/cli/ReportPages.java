package org.syncsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the numbers a report page shows: its metric cells carry the exact value in {@code data-value}. */
final class ReportPages {
    private static final Pattern CELL = Pattern.compile(
            "<td data-metric=\"([^\"]+)\" data-value=\"([^\"]+)\">[^<]*</td><td(?: data-low=\"([^\"]+)\" data-high=\"([^\"]+)\")?");

    private ReportPages() {
    }

    /** Metric name to {mean, low, high} (NaN where the page shows no interval), from the metric tables. */
    static Map<String, double[]> metrics(String html) {
        Map<String, double[]> m = new LinkedHashMap<>();
        Matcher x = CELL.matcher(html);
        while (x.find()) {
            m.put(x.group(1), new double[] {Double.parseDouble(x.group(2)),
                x.group(3) == null ? Double.NaN : Double.parseDouble(x.group(3)),
                x.group(4) == null ? Double.NaN : Double.parseDouble(x.group(4))});
        }
        return m;
    }
}
