package org.syncsim.report.chart;

/**
 * One rendered chart: a file-name stem ({@code time-to-sync-cdf}), a title, how to read it in a sentence, and the
 * chart as an SVG document and as PNG bytes; with {@code imageMap}, the areas of the PNG that name a point on hover
 * (an HTML {@code <map>}'s {@code <area>} elements), and the page shows the PNG with them.
 */
public record ChartImage(String id, String title, String caption, String svg, byte[] png, String imageMap) {
    /** A chart without hover areas. */
    public ChartImage(String id, String title, String caption, String svg, byte[] png) {
        this(id, title, caption, svg, png, null);
    }
}
