package org.syncsim.report.html;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.syncsim.report.chart.ChartImage;

/** Small HTML helpers: escaping of everything that comes from input, number formats, embedded charts. */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A chart as a figure with its SVG inline as a data URI (no external resource); a chart with hover areas as its
     * PNG with an image map, since an SVG shown as an image takes no pointer.
     */
    public static String figure(ChartImage c) {
        if (c.imageMap() != null) {
            String png = "data:image/png;base64," + Base64.getEncoder().encodeToString(c.png());
            return "<figure class=\"chart\" id=\"chart-" + esc(c.id()) + "\"><img alt=\"" + esc(c.title())
                    + "\" src=\"" + png + "\" usemap=\"#map-" + esc(c.id()) + "\"><map name=\"map-" + esc(c.id())
                    + "\">\n" + c.imageMap() + "</map><figcaption>" + esc(c.caption()) + "</figcaption></figure>\n";
        }
        String uri = "data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(c.svg().getBytes(StandardCharsets.UTF_8));
        return "<figure class=\"chart\" id=\"chart-" + esc(c.id()) + "\"><img alt=\"" + esc(c.title())
                + "\" src=\"" + uri + "\"><figcaption>" + esc(c.caption()) + "</figcaption></figure>\n";
    }

    /** Seconds for people: two decimals below 10 s, one above. */
    public static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "–";
        }
        return String.format(Locale.ROOT, Math.abs(s) < 10 ? "%.2f s" : "%.1f s", s);
    }

    /** Bytes in decimal units (kB = 1000 B). */
    public static String bytes(double b) {
        double a = Math.abs(b);
        if (a < 1000) {
            return String.format(Locale.ROOT, "%.0f B", b);
        }
        if (a < 1e6) {
            return String.format(Locale.ROOT, "%.1f kB", b / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f MB", b / 1e6);
    }

    /** A count or other plain number: integral values without decimals, others with up to three significant ones. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,.0f", v).replace(',', '\u2009');
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.1f", v).replace(',', '\u2009');
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.3f", v);
    }

    /** A percentage of a fraction. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
    }
}
