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
 * <p>Time, per replication on one thread: {@value #BASE_S} s plus, per member, {@value #PER_MEMBER_S} s and
 * {@value #PER_MEMBER_CELL_US} µs per sheet cell (each member holds, encodes and may push the whole sheet).
 * Calibrated on the bundled {@code late-joiner} storm (every member pushes the sheet to a joiner: the bundled
 * worst case) with 12 replications on one thread of a 2-core machine: 2.0 s per replication at 40 members and
 * 4 000 cells (model 2.0 s), 3.1 s at 16 000 cells (model 3.1 s), 0.74 s at 10 members (model 0.72 s); the
 * normal import ({@code leader-import-40}) took 0.86 s, so the model overestimates quieter scenarios. Wall time
 * is that over the threads in use.
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
    static final double BASE_S = 0.3;
    static final double PER_MEMBER_S = 0.033;
    static final double PER_MEMBER_CELL_US = 2.3;
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
        double perReplication = BASE_S + members * (PER_MEMBER_S + cells * PER_MEMBER_CELL_US * 1e-6);
        double seconds = perReplication * n / Math.max(1, Math.min(threads, n));
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
