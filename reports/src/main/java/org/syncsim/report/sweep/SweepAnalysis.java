package org.syncsim.report.sweep;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.Metrics;
import org.syncsim.report.stats.MeanCi;

/**
 * A sweep's numbers: every point's mean and 95 % interval per metric (the bootstrap percentile interval of
 * {@link MeanCi}, which never leaves a metric's range), the points no other beats on both time to sync (p95) and
 * bytes, and which parameters are numbers a chart can put on an axis.
 */
public final class SweepAnalysis {
    /** The trade-off the front is drawn for: time to sync against the bytes it costs. */
    public static final Scalar FRONT_TIME = Scalar.TIME_TO_SYNC_P95_S;
    public static final Scalar FRONT_BYTES = Scalar.SENT_BYTES;

    private final SweepInput input;
    private final Map<String, MeanCi> stats = new HashMap<>();

    public SweepAnalysis(SweepInput input) {
        this.input = input;
    }

    public SweepInput input() {
        return input;
    }

    /** The point's mean and interval of {@code metric}, over the replications that have a value. */
    public MeanCi stat(PointResult p, String metric) {
        return stats.computeIfAbsent(p.id() + "\n" + metric, k -> MeanCi.of(Metrics.present(p.values(metric))));
    }

    /** Every metric any point recorded: the scalars in their order, then per-command ones by name. */
    public List<String> metrics() {
        Set<String> all = new LinkedHashSet<>();
        for (Scalar s : Scalar.values()) {
            all.add(s.key());
        }
        List<String> extra = new ArrayList<>();
        input.points().forEach(p -> p.metrics().keySet().stream().filter(k -> !all.contains(k) && !extra.contains(k))
                .forEach(extra::add));
        extra.sort(Comparator.naturalOrder());
        all.addAll(extra);
        return List.copyOf(all);
    }

    /**
     * The points on the Pareto front of mean time-to-sync p95 against mean bytes, by bytes: no other point has
     * both lower or equal, one of them lower. Points where no wait ended (no time to sync) are left out.
     */
    public List<PointResult> paretoFront() {
        List<PointResult> withBoth = input.points().stream()
                .filter(p -> stat(p, FRONT_TIME.key()).hasValue() && stat(p, FRONT_BYTES.key()).hasValue())
                .sorted(Comparator.comparingDouble((PointResult p) -> stat(p, FRONT_BYTES.key()).mean())
                        .thenComparingDouble(p -> stat(p, FRONT_TIME.key()).mean()))
                .toList();
        List<PointResult> front = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        for (PointResult p : withBoth) {
            double t = stat(p, FRONT_TIME.key()).mean();
            if (t < best) {
                front.add(p);
                best = t;
            }
        }
        return front;
    }

    /** The point with the lowest mean of {@code metric} (first in sweep order on a tie), or null if none has one. */
    public PointResult lowest(String metric) {
        PointResult best = null;
        for (PointResult p : input.points()) {
            MeanCi m = stat(p, metric);
            if (m.hasValue() && (best == null || m.mean() < stat(best, metric).mean())) {
                best = p;
            }
        }
        return best;
    }

    /** The parameters whose every value starts with a number, which a chart can put on an axis. */
    public List<String> numericParameters() {
        return input.parameters().stream().filter(k -> input.points().stream()
                .allMatch(p -> !Double.isNaN(org.syncsim.report.sweep.Values.numeric(p.values().get(k))))).toList();
    }

    /** How many distinct values {@code key} takes over the points. */
    public int distinctValues(String key) {
        return (int) input.points().stream().map(p -> p.values().get(key)).distinct().count();
    }
}
