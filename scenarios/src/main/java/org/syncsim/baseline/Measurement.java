package org.syncsim.baseline;

import java.util.LinkedHashMap;
import java.util.Map;
import org.syncsim.report.Metrics;
import org.syncsim.report.Replications;
import org.syncsim.report.stats.MeanCi;
import org.syncsim.run.ParallelRuns;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.WorldFactory;
import org.syncsim.scenario.LoadedScenario;

/**
 * What a scenario's replications measured for a baseline: every scalar metric with its interval, and replication
 * 0's fingerprint, taken while it runs with the others (a trace changes no result, so it costs no extra run), with
 * where it first differs from {@code expected}'s if one was given.
 */
public record Measurement(Map<String, MeanCi> metrics, Fingerprint fingerprint, Divergence divergence) {
    /** Runs {@code s}'s replications on {@code threads} threads; the result is the same for any number. */
    public static Measurement of(WorldFactory worlds, LoadedScenario s, int threads, Fingerprint expected) {
        Replications results = new Replications();
        FingerprintTrace trace = new FingerprintTrace(0, ReplicationRunner.seedOf(s, 0), expected);
        ParallelRuns.forEach(worlds, s, threads, done -> { }, results::add, r -> r == 0 ? trace : null);
        trace.finish();
        return new Measurement(new LinkedHashMap<>(Metrics.aggregate(results)), trace.fingerprint(),
                trace.divergence());
    }

    /** The metrics as a baseline records them. */
    public Map<String, MetricBaseline> recorded() {
        Map<String, MetricBaseline> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, MetricBaseline.of(v)));
        return out;
    }
}
