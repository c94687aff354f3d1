package org.syncsim.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * The measurements behind {@code RunEstimate}'s time model: thread CPU time (and collector pauses) per replication
 * of the bundled storms at several raid and sheet sizes, on the calling thread. Every case runs once to warm the
 * JVM, then {@code ROUNDS} rounds run the cases interleaved, so that a change in the machine's load hits every case
 * alike; the medians are printed, with each case's median ratio to the 40-member {@code late-joiner}.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.syncsim.bench.EstimateCalibration 9
 * </pre>
 */
public final class EstimateCalibration {
    /** A case: its label, the bundled scenario, replications per round, and the overrides. */
    private record Case(String label, String scenario, int perRound, List<String> overrides) {
        Case(String label, String scenario, int perRound, String... overrides) {
            this(label, scenario, perRound, List.of(overrides));
        }
    }

    private static final List<Case> CASES = List.of(
            new Case("late-joiner 10", "late-joiner", 20, "raid.size=10"),
            new Case("late-joiner 20", "late-joiner", 10, "raid.size=20"),
            new Case("late-joiner 40", "late-joiner", 6),
            new Case("16k cells 32x50", "late-joiner", 4, "data.sections=32", "data.rows=50"),
            new Case("16k cells 16x100", "late-joiner", 4, "data.rows=100"),
            new Case("64k cells", "late-joiner", 2, "data.rows=400"),
            new Case("late-joiner 80", "late-joiner", 2, "raid.size=80", "raid.stress=true"),
            new Case("leader-import 40", "leader-import-40", 20),
            new Case("leader-import 10", "leader-import-40", 20, "raid.size=10"),
            new Case("late-joiner 200", "late-joiner", 1, "raid.size=200", "raid.stress=true"));
    /** The case the ratios are taken against. */
    private static final int REFERENCE = 2;

    private EstimateCalibration() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: EstimateCalibration ROUNDS");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ReplicationRunner runner = new ReplicationRunner(StandardWorld.FACTORY);
        int n = CASES.size();
        LoadedScenario[] scenarios = new LoadedScenario[n];
        for (int c = 0; c < n; c++) {
            scenarios[c] = ScenarioLoader.override(BundledScenarios.load(CASES.get(c).scenario()),
                    CASES.get(c).overrides());
        }
        double[][] cpu = new double[n][rounds];
        double[][] gc = new double[n][rounds];
        int[] next = new int[n];
        for (int r = -1; r < rounds; r++) { // round -1 warms the JVM
            StringBuilder line = new StringBuilder(r < 0 ? "warm-up" : "round " + (r + 1));
            for (int c = 0; c < n; c++) {
                int k = CASES.get(c).perRound();
                long gc0 = collectorMillis();
                long cpu0 = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < k; i++) {
                    runner.run(scenarios[c], next[c]);
                    next[c] = (next[c] + 1) % 10;
                }
                double ms = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6 / k;
                double pause = (double) (collectorMillis() - gc0) / k;
                if (r >= 0) {
                    cpu[c][r] = ms;
                    gc[c][r] = pause;
                }
                line.append(String.format(Locale.ROOT, "  %s %.1f+%.1f", CASES.get(c).label(), ms, pause));
            }
            System.out.println(line);
        }
        for (int c = 0; c < n; c++) {
            double[] ratio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = cpu[c][r] / cpu[REFERENCE][r];
            }
            System.out.printf(Locale.ROOT, "%-18s members %3d  cpu median %8.1f ms (min %.1f, max %.1f)  gc median"
                    + " %.1f ms  ratio to late-joiner 40 %.2f%n", CASES.get(c).label(), scenarios[c].roster().size(),
                    median(cpu[c]), min(cpu[c]), max(cpu[c]), median(gc[c]), median(ratio));
        }
    }

    private static long collectorMillis() {
        long t = 0;
        for (GarbageCollectorMXBean g : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += g.getCollectionTime();
        }
        return t;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
