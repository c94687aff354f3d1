package org.syncsim.report.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.syncsim.report.tune.TuneReport;

/** The charts of {@code tune.html}: the search path, and where the best point lies against the start. */
public final class TuneCharts {
    private TuneCharts() {
    }

    /** Every chart of the page, in page order. */
    public static List<ChartImage> all(TuneReport r) {
        List<ChartImage> c = new ArrayList<>();
        c.add(searchPath(r));
        c.add(parameters(r));
        return c;
    }

    /**
     * The objective's mean per evaluation in the order the optimiser asked (feasible points as dots, infeasible ones
     * as crosses at their objective), the best feasible mean so far as a step line, and the start's mean as a line.
     */
    public static ChartImage searchPath(TuneReport r) {
        XYSeries feasible = new XYSeries("feasible evaluation", false, true);
        XYSeries infeasible = new XYSeries("infeasible (breaks a constraint)", false, true);
        XYSeries best = new XYSeries("best feasible so far", false, true);
        for (TuneReport.Evaluation e : r.evaluations()) {
            if (e.objective() != null) {
                (e.feasible() ? feasible : infeasible).add(e.index(), e.objective());
            }
            if (e.bestSoFar() != null) {
                best.add(e.index(), e.bestSoFar());
            }
        }
        XYSeriesCollection points = new XYSeriesCollection();
        points.addSeries(feasible);
        points.addSeries(infeasible);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        dots.setSeriesPaint(0, Charts.PALETTE[0]);
        dots.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
        dots.setSeriesPaint(1, Charts.PALETTE[5]);
        Path2D cross = new Path2D.Double();
        cross.append(new Line2D.Double(-4, -4, 4, 4), false);
        cross.append(new Line2D.Double(-4, 4, 4, -4), false);
        dots.setSeriesShape(1, cross);
        dots.setSeriesShapesFilled(1, false);
        dots.setUseOutlinePaint(false);
        dots.setSeriesStroke(1, new BasicStroke(1.5f));
        NumberAxis x = new NumberAxis("evaluation (in the order the optimiser asked)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis y = new NumberAxis(r.objective().label() + " (mean over " + r.replications() + " seeds)");
        y.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(points, x, y, dots);
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Charts.PALETTE[1]);
        step.setSeriesStroke(0, new BasicStroke(2f));
        plot.setDataset(1, new XYSeriesCollection(best));
        plot.setRenderer(1, step);
        if (r.start().objective().hasValue()) {
            ValueMarker m = new ValueMarker(r.start().objective().mean(), Color.GRAY, new BasicStroke(1f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {5f, 4f}, 0f));
            m.setLabel("start");
            m.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
            m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        String title = "Search path: " + r.objective().label();
        return ChartRenderer.render("search-path", title, "Each evaluation's mean " + r.objective().metric()
                + " on the search's seeds (seed " + r.seed() + ", " + r.replications() + " replications, the same for"
                + " every candidate), in the order CMA-ES asked for them; crosses break a constraint; the step line is"
                + " the best feasible mean so far; the dashed line the start's. "
                + (r.objective().minimise() ? "Lower is better." : "Higher is better."),
                Charts.chart(title, plot, true), 1000, 460);
    }

    /** Per parameter, where the start and the best point lie within its bounds (0 % the low bound, 100 % the high). */
    public static ChartImage parameters(TuneReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (TuneReport.ParameterRange p : r.parameters()) {
            String label = p.key().replaceFirst("^protocol\\.policies\\.", "");
            data.addValue(100 * position(p, r.start().values().get(p.key())), "start", label);
            data.addValue(100 * position(p, r.best().values().get(p.key())), "best", label);
        }
        NumberAxis y = new NumberAxis("position within the bounds (%; log scale where the parameter is)");
        y.setRange(0, 100);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Charts.PALETTE[7]);
        bars.setSeriesPaint(1, Charts.PALETTE[2]);
        CategoryPlot plot = new CategoryPlot(data, new org.jfree.chart.axis.CategoryAxis(), y, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        String title = "Best point against the start";
        return ChartRenderer.render("parameters", title, "Where each parameter's start and best value lie between its"
                + " bounds (the table lists the values).", Charts.chart(title, plot, true), 1000,
                Math.max(220, 110 + 46 * r.parameters().size()));
    }

    /** Where {@code value} lies in the parameter's bounds, 0 to 1 (linearly, or in the logarithm). */
    static double position(TuneReport.ParameterRange p, String value) {
        if (value == null) {
            return Double.NaN;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")
                .matcher(value.trim());
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group());
        double u = "log".equals(p.scale()) ? (Math.log(v) - Math.log(p.low())) / (Math.log(p.high())
                - Math.log(p.low())) : (v - p.low()) / (p.high() - p.low());
        return Math.max(0, Math.min(1, u));
    }
}
