package org.syncsim.report.chart;

/**
 * One rendered chart: a file-name stem ({@code time-to-sync-cdf}), a title, how to read it in a sentence, and the
 * chart as an SVG document and as PNG bytes.
 */
public record ChartImage(String id, String title, String caption, String svg, byte[] png) {
}
