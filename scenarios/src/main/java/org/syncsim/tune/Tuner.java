package org.syncsim.tune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.report.tune.TuneReport;
import org.syncsim.run.Cell;
import org.syncsim.run.CellFiles;

/**
 * Runs a tune: CMA-ES ({@link CmaesSearch}) over the plan's unit cube, every candidate simulated on the file's seeds
 * (a point asked for twice, or found finished by a rerun, is simulated once), then the best point against the start
 * on fresh seeds, and everything gathered into a {@link TuneReport}.
 */
public final class Tuner {
    /** What runs simulations for the tuner and keeps their results files (the CLI's results directory). */
    public interface Runner {
        /** Whether the point's results file is already there (a rerun after an interruption). */
        boolean finished(Cell point);

        /** Simulates these points, writing each one's results file as it finishes. */
        void run(List<? extends Cell> points) throws IOException;

        /** Reads a finished point's results back. */
        CellFiles.Values read(Cell point) throws IOException;
    }

    /**
     * What a tune found.
     *
     * @param report everything, for tune.json and tune.html
     * @param best the best point (search seeds)
     * @param start the start point (search seeds)
     * @param simulated points simulated by this call (not found finished)
     */
    public record Outcome(TuneReport report, TunePoint best, TunePoint start, int simulated) {
    }

    private final TunePlan plan;
    private final Runner runner;
    private final Map<String, Map<String, double[]>> values = new HashMap<>();
    private int simulated;

    private Tuner(TunePlan plan, Runner runner) {
        this.plan = plan;
        this.runner = runner;
    }

    /**
     * Runs the search and the confirmation.
     *
     * @param command the command line, for the page
     * @param bestScenario where the best point's scenario file goes, for the page
     */
    public static Outcome tune(TunePlan plan, Runner runner, String command, String bestScenario) throws IOException {
        Tuner t = new Tuner(plan, runner);
        try {
            return t.run(command, bestScenario);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The optimiser's settings for a plan: the file's seed drives its random numbers. */
    public static CmaesSearch.Settings settings(TunePlan plan) {
        TuneFile t = plan.tune();
        return new CmaesSearch.Settings(plan.start(), t.optimiser().sigma(),
                t.optimiser().population(t.parameters().size()), t.budget(), t.seed());
    }

    private Outcome run(String command, String bestScenario) throws IOException {
        TuneFile t = plan.tune();
        CmaesSearch.Settings s = settings(plan);
        CmaesSearch.Result r = CmaesSearch.run(s, this::evaluate);
        List<TuneReport.Evaluation> rows = new ArrayList<>();
        Set<String> distinct = new LinkedHashSet<>();
        TunePoint best = null;
        Assessment bestA = null;
        Double bestSoFar = null;
        for (CmaesSearch.Step step : r.steps()) {
            TunePoint p = plan.evaluation(plan.values(step.point()));
            distinct.add(p.id());
            Assessment a = assess(p);
            if (best == null || better(a, bestA)) {
                best = p;
                bestA = a;
            }
            if (a.feasible() && (bestSoFar == null || (t.objective().goal() == TuneFile.Goal.MAXIMISE
                    ? a.objective() > bestSoFar : a.objective() < bestSoFar))) {
                bestSoFar = a.objective();
            }
            rows.add(new TuneReport.Evaluation(step.index(), step.generation(), p.file(), p.values(),
                    finite(a.objective()), finiteMap(a.constraints()), a.broken(), a.feasible(), a.fitness(),
                    bestSoFar));
        }
        TunePoint start = plan.evaluation(plan.values(r.steps().get(0).point()));
        TunePoint confStart = plan.confirmation(start.values());
        TunePoint confBest = plan.confirmation(best.values());
        ensure(List.of(confStart, confBest));
        double[] a = objectiveValues(confStart);
        double[] b = objectiveValues(confBest);
        List<Double> diffs = new ArrayList<>();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!Double.isNaN(a[i]) && !Double.isNaN(b[i])) {
                diffs.add(b[i] - a[i]);
            }
        }
        MeanCi diff = MeanCi.pairedDifference(diffs.stream().mapToDouble(Double::doubleValue).toArray());
        boolean maximise = t.objective().goal() == TuneFile.Goal.MAXIMISE;
        boolean better = diff.low() != null && (maximise ? diff.low() > 0 : diff.high() < 0);
        TuneReport.Confirmation conf = new TuneReport.Confirmation(plan.confirmSeed(), t.confirmReplications(),
                point(confStart), point(confBest), diff, better);
        List<TuneReport.ParameterRange> params = new ArrayList<>();
        t.parameters().forEach(p -> params.add(new TuneReport.ParameterRange(p.key(), p.bounds().get(0),
                p.bounds().get(1), p.scale().name().toLowerCase(java.util.Locale.ROOT), p.unit(),
                plan.startFrom().get(p.key()))));
        String metric = t.objective().metric();
        TuneReport report = new TuneReport("Tuned: " + t.name(), t.description() != null ? t.description() : "",
                plan.file().source(), command, plan.scenario(), t.set(), t.replications(), t.seed(),
                new TuneReport.Objective(metric, label(metric), t.objective().goal().name().equals("MAXIMISE")
                        ? "maximise" : "minimise"),
                t.constraints().stream().map(Assessment::label).toList(), params,
                new TuneReport.Optimiser("CMA-ES (Commons Math 3 CMAESOptimizer, active covariance update)",
                        s.population(), s.sigma(), s.budget(), r.steps().size(), distinct.size(), r.converged(),
                        s.seed()),
                rows, point(start), point(best), conf, setLine(best), bestScenario);
        return new Outcome(report, best, start, simulated);
    }

    /** Feasible beats infeasible; then the lower fitness; the earlier of equals (so strictly lower). */
    private static boolean better(Assessment a, Assessment than) {
        return a.fitness() < than.fitness();
    }

    /** The best point's parameters as options of {@code syncsim run}, after the file's own overrides. */
    private String setLine(TunePoint best) {
        StringBuilder b = new StringBuilder("./syncsim run ").append(Cell.shell(plan.scenario()));
        for (String o : plan.tune().set()) {
            b.append(" --set ").append(Cell.shell(o));
        }
        for (String o : best.assignments()) {
            b.append(" --set ").append(Cell.shell(o));
        }
        return b.toString();
    }

    private double[] evaluate(List<double[]> points) {
        List<TunePoint> ps = points.stream().map(u -> plan.evaluation(plan.values(u))).toList();
        try {
            ensure(ps);
            double[] out = new double[ps.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = assess(ps.get(i)).fitness();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simulates the points whose results are neither read nor on disk yet (each once), then reads them all. */
    private void ensure(List<TunePoint> points) throws IOException {
        Map<String, TunePoint> todo = new LinkedHashMap<>();
        Set<String> checked = new java.util.HashSet<>();
        for (TunePoint p : points) {
            if (!values.containsKey(p.id()) && checked.add(p.id()) && !runner.finished(p)) {
                todo.put(p.id(), p);
            }
        }
        if (!todo.isEmpty()) {
            runner.run(List.copyOf(todo.values()));
            simulated += todo.size();
        }
        for (TunePoint p : points) {
            if (!values.containsKey(p.id())) {
                values.put(p.id(), metrics(runner.read(p)));
            }
        }
    }

    /** The metrics the tuner reads, per replication; a per-command count nobody sent is 0. */
    private Map<String, double[]> metrics(CellFiles.Values v) {
        Map<String, double[]> m = new HashMap<>();
        List<String> keys = new ArrayList<>();
        keys.add(plan.tune().objective().metric());
        plan.tune().constraints().forEach(c -> keys.add(c.metric()));
        for (String k : keys) {
            double[] x = v.metrics().get(k);
            if (x == null && TunePlan.perCommand(k)) {
                x = new double[v.seeds().size()];
            }
            if (x != null) {
                m.put(k, x);
            }
        }
        return m;
    }

    private Assessment assess(TunePoint p) {
        return Assessment.of(plan.tune(), values.get(p.id()));
    }

    private double[] objectiveValues(TunePoint p) {
        double[] v = values.get(p.id()).get(plan.tune().objective().metric());
        return v == null ? new double[0] : v;
    }

    private TuneReport.Point point(TunePoint p) {
        Map<String, double[]> m = values.get(p.id());
        Map<String, MeanCi> cons = new LinkedHashMap<>();
        for (TuneFile.Constraint c : plan.tune().constraints()) {
            cons.put(Assessment.label(c), MeanCi.of(present(m.get(c.metric()))));
        }
        return new TuneReport.Point(p.file(), p.command(), p.values(),
                MeanCi.of(present(m.get(plan.tune().objective().metric()))), cons, assess(p).feasible());
    }

    private static double[] present(double[] v) {
        return v == null ? new double[0] : java.util.Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static Map<String, Double> finiteMap(Map<String, Double> m) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, finite(v)));
        return out;
    }

    /** A metric in words: the scalar's label, else the key. */
    static String label(String metric) {
        for (Scalar s : Scalar.values()) {
            if (s.key().equals(metric)) {
                return s.shortLabel();
            }
        }
        return metric;
    }
}
