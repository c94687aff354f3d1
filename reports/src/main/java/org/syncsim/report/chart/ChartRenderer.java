package org.syncsim.report.chart;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Draws a chart headless into an SVG document (JFreeSVG) and a PNG image of the same size. */
public final class ChartRenderer {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    /** The chart this thread rendered last, so tests in this package can read its axes, markers and series. */
    static final ThreadLocal<JFreeChart> LAST = new ThreadLocal<>();

    private ChartRenderer() {
    }

    public static ChartImage render(String id, String title, String caption, JFreeChart chart, int width,
            int height) {
        LAST.set(chart);
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(id + "-");
        chart.draw(g, new Rectangle(0, 0, width, height));
        String svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + g.getSVGElement() + "\n";
        g.dispose();
        byte[] png;
        try {
            png = ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ChartImage(id, title, caption, svg, png);
    }

    /**
     * As {@link #render}, with hover areas: every data item with a tooltip (from the renderer's tooltip generator)
     * becomes an {@code <area>} of the PNG whose title is the tooltip.
     */
    public static ChartImage renderWithHover(String id, String title, String caption, JFreeChart chart, int width,
            int height) {
        ChartImage plain = render(id, title, caption, chart, width, height);
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo(
                new org.jfree.chart.entity.StandardEntityCollection());
        byte[] png;
        try {
            png = ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height, info));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder areas = new StringBuilder();
        for (Object o : info.getEntityCollection().getEntities()) {
            if (o instanceof org.jfree.chart.entity.XYItemEntity e && e.getToolTipText() != null) {
                String t = org.syncsim.report.html.Html.esc(e.getToolTipText());
                areas.append("<area shape=\"").append(e.getShapeType()).append("\" coords=\"")
                        .append(e.getShapeCoords()).append("\" title=\"").append(t).append("\" alt=\"").append(t)
                        .append("\" nohref>\n");
            }
        }
        return new ChartImage(id, title, caption, plain.svg(), png, areas.toString());
    }
}
