package org.syncsim.report.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.report.Metrics;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportInput;
import org.syncsim.report.stats.MeanCi;

/**
 * Several variants of a scenario and the differences of their metrics from the first (the baseline). When two
 * variants ran the same replications on the same seeds (common random numbers) the difference is the mean of the
 * per-seed differences with its paired 95 % interval (Student's t over those differences,
 * {@link MeanCi#pairedDifference}), which is much narrower than the unpaired one; otherwise it
 * falls back to Welch's interval.
 */
public record Comparison(List<ReportInput> variants) {

    /** One metric's difference of a variant from the baseline. */
    public record Difference(String metric, String variant, MeanCi baseline, MeanCi value, MeanCi difference,
            boolean paired) {
    }

    public Comparison {
        variants = List.copyOf(variants);
        if (variants.size() < 2) {
            throw new IllegalArgumentException("a comparison needs at least two variants");
        }
    }

    /** Whether this variant's replications ran on the baseline's seeds, one for one. */
    public boolean pairedWithBaseline(int variant) {
        return variants.get(0).replications().seeds().equals(variants.get(variant).replications().seeds());
    }

    /** Every metric seen in any variant, in first-seen order. */
    public List<String> metrics() {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (ReportInput v : variants) {
            v.aggregate().keySet().forEach(k -> m.putIfAbsent(k, Boolean.TRUE));
        }
        return new ArrayList<>(m.keySet());
    }

    /**
     * The difference {@code variant − baseline} of one metric. Paired, it is taken over the seeds where both
     * variants have a value (a time to sync exists only where a wait ended), so its {@code n} can be smaller than
     * the number of replications, and 0 when no seed has both.
     */
    public Difference difference(String metric, int variant) {
        Replications base = variants.get(0).replications();
        Replications other = variants.get(variant).replications();
        double[] pa = Metrics.perReplication(base, metric);
        double[] pb = Metrics.perReplication(other, metric);
        double[] a = Metrics.present(pa);
        double[] b = Metrics.present(pb);
        boolean paired = pairedWithBaseline(variant);
        MeanCi d;
        if (paired) {
            d = MeanCi.pairedDifference(java.util.stream.IntStream.range(0, pa.length)
                    .filter(i -> !Double.isNaN(pa[i]) && !Double.isNaN(pb[i]))
                    .mapToDouble(i -> pb[i] - pa[i]).toArray());
        } else {
            d = MeanCi.welchDifference(a, b);
        }
        return new Difference(metric, variants.get(variant).label(), MeanCi.of(a), MeanCi.of(b), d, paired);
    }
}
