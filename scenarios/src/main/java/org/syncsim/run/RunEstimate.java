package org.syncsim.run;

import java.util.Locale;
import org.syncsim.protocol.data.Section;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.RunSpec;
import org.syncsim.scenario.StopCondition;

/**
 * What a run will cost, estimated before it starts, so that a run that cannot finish or cannot fit is refused
 * with a sentence instead of running for hours or dying of {@link OutOfMemoryError}.
 *
 * <p>Time: {@value #RUN_S} s once per run, plus per replication on one thread {@value #BASE_S} s and, per member
 * squared, {@value #PER_PAIR_US} µs and {@value #PER_PAIR_CELL_NS} ns per sheet cell: 60 ms at 40 members and 4 000
 * cells. The replications' part is divided over the threads in use. Members squared because in a storm every
 * member's push reaches every member: the bundled {@code late-joiner} runs about 112 000 events at 40 members,
 * 455 000 at 80 and 2.9 million at 200.
 *
 * <p>Calibrated on the bundled {@code late-joiner} storm (every member pushes the sheet to a joiner: the bundled
 * worst case), in thread CPU time, since other jobs loaded the 2-core development machine (load average about 5,
 * 2026-12-03) and its wall clock said little: {@code ThreadMXBean.getCurrentThreadCpuTime()} around
 * {@code new ReplicationRunner(StandardWorld.FACTORY).run(scenario, i)} on one thread, every case once to warm the
 * JVM, then the median of 9 interleaved rounds: {@code java -cp benchmarks/target/benchmarks.jar
 * org.syncsim.bench.EstimateCalibration 9}. Measured (model): 40 members, 4 000 cells 59.5 ms (60 ms); 16 000 cells ({@code data.rows=100}) 110 ms
 * (98 ms); 64 000 cells ({@code data.rows=400}) 274 ms (252 ms); 10 members ({@code raid.size=10}) 7.5 ms
 * (7.5 ms); 20 members 17.3 ms (18 ms); 80 members ({@code raid.stress=true}) 229 ms (228 ms). The same loop's
 * own command agrees: {@code java -cp benchmarks/target/benchmarks.jar org.syncsim.bench.CpuTimePerReplication
 * late-joiner 40 20} gave 65 and 67 ms, {@code ... late-joiner-200k 20 12} (16 480 cells) 111 and 135 ms. The
 * model is low for a sheet of many sections (16 000 cells as {@code data.sections=32, data.rows=50}: 152 ms) and
 * for very big raids: at 200 members ({@code raid.size=200, raid.stress=true}) a replication took 1.9 s of CPU
 * (model 1.4 s) and the collector paused it for about 0.5 s more (negligible below 100 members). The normal
 * import, {@code leader-import-40}, took 16 ms: the model overestimates quieter scenarios.
 *
 * <p>The {@value #RUN_S} s per run is what a run costs besides its steady replications, calibrated on the design
 * report, which adds up the estimates of its cells: the full bundled matrix (510 cells of 10 replications, 2
 * threads, idle machine) took 658 s, of which the model's replications are 118 s; the quick one (21 cells of 3)
 * 13.7 s, its replications 0.3 s. It covers each cell's files and flaw checks, garbage collection, the compiler, and
 * replications the model cannot see (a loop of millions of events). A single {@code syncsim run} also starts a
 * fresh JVM, whose first replications run before the compiler has caught up: in a fresh JVM the first
 * {@code late-joiner} replication took 0.65-0.9 s of CPU, the first twelve 285-387 ms each
 * ({@code CpuTimePerReplication late-joiner 0 12}) and the next twelve still 90-165 ms; so a short run takes a few
 * seconds longer than estimated ({@code ./syncsim run late-joiner --replications 1 --threads 1} took 5.1 s on the
 * loaded machine, estimated 1.1 s), which matters to no limit.
 *
 * <p>Memory: the rows of the CSV files stream to disk as replications finish ({@link ResultStream}); what is kept
 * until the end is, per replication, its scalar metrics and summary entry ({@value #BYTES_PER_REPLICATION} bytes)
 * and the durations of its members' waits ({@value #BYTES_PER_MEMBER_REPLICATION} bytes per member), plus a few
 * whole replications: the first (the report draws it) and those in flight (four per thread,
 * {@link ParallelRuns}), each {@value #BYTES_PER_MEMBER} bytes per member and {@value #BYTES_PER_BUCKET} per
 * timeline bucket, with the buckets counted up to the timeline's end plus two minutes (or {@code run.limit}, or the
 * {@code until: t} end, if earlier).
 *
 * @param replications replications to run
 * @param members clients per replication
 * @param cells sheet cells (sections × rows × columns)
 * @param seconds estimated wall time with {@code threads} threads
 * @param bytes estimated heap the kept results need
 */
public record RunEstimate(int replications, int members, long cells, double seconds, double bytes) {
    static final double RUN_S = 1.0;
    static final double BASE_S = 0.004;
    static final double PER_PAIR_US = 27;
    static final double PER_PAIR_CELL_NS = 2;
    static final long BYTES_PER_MEMBER = 3_000;
    static final long BYTES_PER_BUCKET = 1_000;
    static final long BYTES_PER_REPLICATION = 4_000;
    static final long BYTES_PER_MEMBER_REPLICATION = 16;
    /** Estimated wall time above which a run needs {@code --allow-large}: one hour. */
    public static final double MAX_SECONDS = 3600;
    /** Share of the Java heap the kept results may take without {@code --allow-large}. */
    public static final double MAX_HEAP_SHARE = 0.6;

    /** The estimate for running {@code s} on {@code threads} threads. */
    public static RunEstimate of(LoadedScenario s, int threads) {
        RunSpec run = s.scenario().run();
        int n = run.replications();
        int members = s.roster().size();
        long cells;
        if (s.sheet() != null) {
            cells = 0;
            for (Section sec : s.sheet().sections()) {
                cells += (long) sec.rows().size() * sec.header().size();
            }
        } else {
            cells = (long) s.scenario().data().sections() * s.scenario().data().rows() * s.scenario().data().columns();
        }
        double perReplication = BASE_S + (double) members * members * (PER_PAIR_US + cells * PER_PAIR_CELL_NS * 1e-3)
                * 1e-6;
        double seconds = RUN_S + perReplication * n / Math.max(1, Math.min(threads, n));
        long end = Math.min(run.limit().micros(), s.timelineEndMicros() + 120_000_000L);
        if (run.until() instanceof StopCondition.At at) {
            end = Math.min(end, at.end().micros());
        }
        double buckets = Math.ceil((double) end / Math.max(1, run.bucket().micros()));
        double whole = 2 + ParallelRuns.AHEAD_PER_THREAD * Math.max(1, Math.min(threads, n));
        double bytes = (double) n * (BYTES_PER_REPLICATION + (double) members * BYTES_PER_MEMBER_REPLICATION)
                + whole * ((double) members * BYTES_PER_MEMBER + buckets * BYTES_PER_BUCKET);
        return new RunEstimate(n, members, cells, seconds, bytes);
    }

    /**
     * This run and then {@code other} (the variants of a comparison run one after another and are all kept): the
     * replications, times and memory add up; members and cells are the larger.
     */
    public RunEstimate plus(RunEstimate other) {
        return new RunEstimate(replications + other.replications, Math.max(members, other.members),
                Math.max(cells, other.cells), seconds + other.seconds, bytes + other.bytes);
    }

    /** Whether the estimated wall time is above {@link #MAX_SECONDS}. */
    public boolean tooLong() {
        return seconds > MAX_SECONDS;
    }

    /** Whether the kept results would take more than {@link #MAX_HEAP_SHARE} of a heap of {@code maxHeap} bytes. */
    public boolean tooBig(long maxHeap) {
        return bytes > MAX_HEAP_SHARE * maxHeap;
    }

    /** "about 2 h 13 min, 1.2 GB of results (10 000 replications x 40 members, 4 000 cells)". */
    public String describe() {
        return "about " + duration(seconds) + " and " + size(bytes) + " of results to hold (" + replications
                + " replication" + (replications == 1 ? "" : "s") + " x " + members + " members, sheet of " + cells
                + " cells)";
    }

    static String duration(double s) {
        if (s < 90) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 5400) {
            return String.format(Locale.ROOT, "%.0f min", s / 60);
        }
        if (s < 3 * 86400) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        return String.format(Locale.ROOT, "%.3g days", s / 86400);
    }

    static String size(double b) {
        if (b < 1e6) {
            return String.format(Locale.ROOT, "%.0f kB", b / 1e3);
        }
        if (b < 1e9) {
            return String.format(Locale.ROOT, "%.0f MB", b / 1e6);
        }
        return String.format(Locale.ROOT, "%.3g GB", b / 1e9);
    }
}
