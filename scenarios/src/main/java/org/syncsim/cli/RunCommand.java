package org.syncsim.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.syncsim.engine.WriterTrace;
import org.syncsim.metrics.Scalar;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportWriter;
import org.syncsim.run.Aggregate;
import org.syncsim.run.ParallelRuns;
import org.syncsim.run.ReplicationRunner;
import org.syncsim.run.ResultFiles;
import org.syncsim.run.ResultStream;
import org.syncsim.run.RunEstimate;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syncsim run}: runs a scenario's replications in parallel and writes the results. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario's replications in parallel and write its results.",
            "Results are identical for any --threads: summary.json, clients.csv, timeline.csv and progress.csv in --out"
                + " (columns: docs/results.md)."})
final class RunCommand implements Callable<Integer> {
    /** What {@code --fail-on} can ask for. */
    enum FailOn {
        /** Some member was still waiting for the newest data at the end of some replication. */
        NEVER_SYNCED,
        /** Some member ended claiming the newest timestamp with other content. */
        DESYNC,
        /** The server disconnected some client. */
        DISCONNECT
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "FILE|NAME", description = "A scenario file, or a bundled scenario (syncsim list).")
    String scenario;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed (overrides run.seed).")
    Long seed;

    @Option(names = "--replications", paramLabel = "N", description = "Replications (overrides run.replications).")
    Integer replications;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--out", paramLabel = "DIR", description = {"Results directory (default: results/<scenario name>;"
            + " if that holds the results of another scenario file or other settings, the first results/<name>-N"
            + " that does not). Must be new, empty, or written by SyncSim; only files SyncSim wrote are replaced."})
    Path out;

    @Option(names = "--replace", description = "Replace results of another scenario file or other settings in --out"
            + " (never files SyncSim did not write).")
    boolean replace;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = {"Override a scenario field, e.g. --set raid.size=20 --set channel.latency.median=150ms",
                "or --set protocol.profile=plan --set protocol.policies.backoff.kind=none",
                "(the policies: syncsim policies)."})
    List<String> sets = new ArrayList<>();

    @Option(names = "--fail-on", paramLabel = "WHAT", split = ",",
            description = "Exit 1 if it happens in any replication: never-synced, desync, disconnect.",
            converter = FailOnConverter.class)
    List<FailOn> failOn = new ArrayList<>();

    @Option(names = "--report", description = "Also write report.html (self-contained; charts under charts/) into --out.")
    boolean report;

    @Option(names = "--trace", paramLabel = "FILE", description = "Also write the event trace of one replication"
            + " (time, kind, details; tab-separated, format in docs/results.md) to FILE.")
    Path trace;

    @Option(names = "--trace-replication", paramLabel = "N", defaultValue = "0",
            description = "Which replication --trace writes, from 0 (default ${DEFAULT-VALUE}).")
    int traceReplication;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar, no estimate and no summary table.")
    boolean quiet;

    @Option(names = "--allow-large", description = {"Run even when the estimate says the run takes more than an hour"
            + " or its results more than 60 %% of the Java heap (raise the heap with SYNCSIM_JAVA_OPTS=-Xmx8g).",
        "Without it such a run is refused with the estimate (exit 2)."})
    boolean allowLarge;

    @Override
    public Integer call() throws IOException {
        LoadedScenario base = ScenarioCommands.load(scenario);
        List<String> overrides = new ArrayList<>(sets);
        if (seed != null) {
            overrides.add("run.seed=" + seed);
        }
        if (replications != null) {
            overrides.add("run.replications=" + replications);
        }
        LoadedScenario s;
        try {
            s = ScenarioLoader.override(base, overrides);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ScenarioCommands.checkSupported(parent.worlds(), s);
        ScenarioCommands.warn(spec, base, s);
        int t = threads.resolve();
        if (trace == null && traceReplication != 0) {
            throw new BadInputException("--trace-replication " + traceReplication + ": needs --trace FILE");
        }
        RunEstimate estimate = checkSize(RunEstimate.of(s, t), allowLarge, "replications (--replications)");
        if (!quiet && estimate.seconds() > Progress.SHOW_AFTER_S) {
            spec.commandLine().getErr().println("syncsim: estimated " + estimate.describe());
            spec.commandLine().getErr().flush();
        }
        ResultsDirectory.Identity identity = new ResultsDirectory.Identity("run",
                List.of(ResultsDirectory.Identity.source(scenario)), overrides);
        try (ResultsDirectory rd = ResultsDirectory.open(new ResultsDirectory.Request(
                out != null ? out : parent.resultsRoot().resolve(s.scenario().name()), "--out", out != null, identity, replace),
                spec.commandLine().getErr())) {
            return runInto(rd, s, overrides, t, estimate);
        }
    }

    /**
     * Runs the replications and writes the results into {@code rd}'s staging directory, then moves them in. The
     * results stream into the staging directory as the replications finish ({@link ResultStream}), so memory does
     * not grow with their number.
     */
    private int runInto(ResultsDirectory rd, LoadedScenario s, List<String> overrides, int t, RunEstimate estimate)
            throws IOException {
        Path dir = rd.dir();
        if (trace != null) {
            checkTrace(dir, s.scenario().run().replications());
        }
        long wallStart = System.nanoTime();
        Replications results;
        double wallSeconds;
        try (ResultStream stream = new ResultStream(rd.staging(), s)) {
            try (Progress progress = new Progress(s.scenario().name(), s.scenario().run().replications(),
                    !quiet && System.console() != null, estimate.seconds())) {
                ParallelRuns.forEach(parent.worlds(), s, t, progress::update, stream);
            } catch (RunFailedException e) {
                spec.commandLine().getErr().println("syncsim: " + e.getMessage());
                return ExitCodes.SIMULATION_FAILURE;
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
            wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("wall_time_s", wallSeconds);
            info.put("threads", t);
            info.put("syncsim_version", VersionInfo.version());
            info.put("java_version", System.getProperty("java.version"));
            stream.finish(rd.absolute(), overrides, info);
            results = stream.replications();
        }
        if (report) {
            ReportWriter.writeRunReport(rd.staging(), Reports.input(s, overrides, results, s.scenario().name()),
                    Reports.generator());
        }
        rd.commit(f -> false, ResultFiles.SUMMARY);
        Path page = report ? dir.resolve(ReportWriter.REPORT) : null;
        if (trace != null) {
            writeTrace(s);
        }

        PrintWriter o = spec.commandLine().getOut();
        if (!quiet) {
            printHeadline(o, s, results, dir, wallSeconds);
            if (page != null) {
                o.println("  report in " + page);
            }
            if (trace != null) {
                o.println("  trace of replication " + traceReplication + " in " + trace);
            }
        }
        o.flush();
        return failures(results);
    }

    /**
     * Refuses (bad input) a run estimated to take more than an hour or more heap than it may use, unless
     * {@code allowLarge}; the message gives the estimate and the ways out ({@code fewer} says what to run fewer
     * of, and how: "replications (--replications)"). Returns the estimate.
     */
    static RunEstimate checkSize(RunEstimate e, boolean allowLarge, String fewer) {
        if (allowLarge) {
            return e;
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (e.tooBig(heap)) {
            throw new BadInputException("this run is estimated at " + e.describe() + ", more than "
                    + Math.round(RunEstimate.MAX_HEAP_SHARE * 100) + " % of the Java heap (" + heap / (1024 * 1024)
                    + " MB): run fewer " + fewer + ", give Java more heap"
                    + " (SYNCSIM_JAVA_OPTS=-Xmx8g ./syncsim ...), or pass --allow-large to try anyway");
        }
        if (e.tooLong()) {
            throw new BadInputException("this run is estimated at " + e.describe() + ", more than an hour: run"
                    + " fewer " + fewer + " or a smaller raid or sheet, or pass"
                    + " --allow-large if it is meant (a progress bar shows the time left)");
        }
        return e;
    }

    /** Refuses a {@code --trace} that names no replication of the run, a directory, or a file the run needs. */
    private void checkTrace(Path dir, int n) {
        if (traceReplication < 0 || traceReplication >= n) {
            throw new BadInputException("--trace-replication " + traceReplication + ": expected 0 to " + (n - 1)
                    + " (the scenario runs " + n + " replication" + (n == 1 ? "" : "s") + ")");
        }
        if (java.nio.file.Files.isDirectory(trace)) {
            throw new BadInputException("--trace " + trace + ": is a directory, expected a file name");
        }
        Path target = trace.toAbsolutePath().normalize();
        for (String f : List.of(ResultFiles.SUMMARY, ResultFiles.CLIENTS, ResultFiles.TIMELINE, ResultFiles.PROGRESS,
                ResultFiles.RUN_INFO, ReportWriter.REPORT)) {
            if (target.equals(dir.resolve(f).toAbsolutePath().normalize())) {
                throw new BadInputException("--trace " + trace + ": is one of the run's result files; name another"
                        + " file");
            }
        }
        if (java.nio.file.Files.isRegularFile(Path.of(scenario))
                && target.equals(Path.of(scenario).toAbsolutePath().normalize())) {
            throw new BadInputException("--trace " + trace + ": is the scenario file being run");
        }
        OutputDirectory.prepare(target.getParent(), "--trace");
    }

    /**
     * Runs the traced replication again with a trace attached (the same seed gives the same run, so it is the
     * replication whose numbers are in the results) and streams the trace to the file.
     */
    private void writeTrace(LoadedScenario s) throws IOException {
        AtomicFiles.write(trace, ch -> {
            Writer w = new BufferedWriter(Channels.newWriter(ch, StandardCharsets.UTF_8));
            w.write("# SyncSim event trace: scenario " + s.scenario().name() + ", replication " + traceReplication
                    + ", seed " + ReplicationRunner.seedOf(s, traceReplication) + "\n# time_s\tkind\tdetails\n");
            new ReplicationRunner(parent.worlds()).run(s, traceReplication, new WriterTrace(w));
            w.flush();
        });
    }

    private int failures(Replications results) {
        EnumSet<FailOn> hit = EnumSet.noneOf(FailOn.class);
        if (results.flagged(Replications.Flag.WAITING).replications() > 0) {
            hit.add(FailOn.NEVER_SYNCED);
        }
        if (results.flagged(Replications.Flag.DESYNCED).replications() > 0) {
            hit.add(FailOn.DESYNC);
        }
        if (results.flagged(Replications.Flag.DISCONNECTED).replications() > 0) {
            hit.add(FailOn.DISCONNECT);
        }
        hit.retainAll(failOn.isEmpty() ? EnumSet.noneOf(FailOn.class) : EnumSet.copyOf(failOn));
        if (hit.isEmpty()) {
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println("syncsim: failed on " + String.join(", ",
                hit.stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList()));
        return ExitCodes.SIMULATION_FAILURE;
    }

    private static final List<Scalar> HEADLINE = List.of(Scalar.TIME_TO_SYNC_P50_S, Scalar.TIME_TO_SYNC_P95_S,
            Scalar.TIME_TO_SYNC_MAX_S, Scalar.NEVER_SYNCED_FRACTION, Scalar.DESYNCED_AT_END, Scalar.SENT_MESSAGES,
            Scalar.SENT_BYTES, Scalar.SERVER_DISCONNECTS, Scalar.ABORTED_HANDLERS, Scalar.VIRTUAL_TIME_S);

    private static void printHeadline(PrintWriter o, LoadedScenario s, Replications results, Path dir,
            double wallSeconds) {
        Map<String, Aggregate> agg = ResultFiles.aggregate(results);
        o.printf("%s: %d replications, seed %d, %.1f s wall time%n", s.scenario().name(), results.size(),
                s.scenario().run().seed(), wallSeconds);
        if (results.size() <= 2) { // what the bootstrap interval is with this few replications
            o.println(results.size() == 1 ? "  (one replication: no confidence interval)"
                    : "  (2 replications: the 95% CI is the range of the two values)");
        }
        for (Scalar metric : HEADLINE) {
            String k = metric.key();
            Aggregate a = agg.get(k);
            if (a == null) {
                continue;
            }
            if (a.mean() == null) {
                o.printf("  %-24s %14s   (no wait ended in any replication)%n", k, "-");
                continue;
            }
            o.printf("  %-24s %14s%s%s%n", k, fmt(a.mean()),
                    a.ci95Low() == null ? "" : "   95% CI [" + fmt(a.ci95Low()) + ", " + fmt(a.ci95High()) + "]",
                    a.n() == results.size() ? "" : "   (" + a.n() + " of " + results.size() + " replications)");
        }
        o.println("  results in " + dir);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(java.util.Locale.ROOT, "%.0f", v)
                : String.format(java.util.Locale.ROOT, "%.3f", v);
    }

    /** Accepts never-synced, desync, disconnect. */
    static final class FailOnConverter implements picocli.CommandLine.ITypeConverter<FailOn> {
        @Override
        public FailOn convert(String value) {
            for (FailOn f : FailOn.values()) {
                if (f.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(value.trim())) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("expected never-synced, desync or disconnect, got '"
                    + value + "'");
        }
    }

    /**
     * A progress bar with the time left (ETA) on stderr that appears only once the run has taken more than a
     * second. Until a replication has finished, the time left is the up-front estimate ({@link RunEstimate});
     * after that the library's, from the pace so far.
     */
    static final class Progress implements AutoCloseable {
        /** Above this many estimated seconds {@code run} prints its estimate before starting. */
        static final double SHOW_AFTER_S = 10;
        private final String task;
        private final int total;
        private final boolean enabled;
        private final double estimatedSeconds;
        private final long started = System.nanoTime();
        private ProgressBar bar;

        Progress(String task, int total, boolean enabled) {
            this(task, total, enabled, Double.NaN);
        }

        Progress(String task, int total, boolean enabled, double estimatedSeconds) {
            this.task = task;
            this.total = total;
            this.enabled = enabled;
            this.estimatedSeconds = estimatedSeconds;
        }

        private java.util.Optional<java.time.Duration> eta(me.tongfei.progressbar.ProgressState st) {
            long elapsed = st.getElapsedAfterStart().toMillis();
            if (st.getCurrent() > 0) {
                return java.util.Optional.of(java.time.Duration.ofMillis(
                        elapsed * (st.getMax() - st.getCurrent()) / st.getCurrent()));
            }
            return Double.isNaN(estimatedSeconds) ? java.util.Optional.empty()
                    : java.util.Optional.of(java.time.Duration.ofMillis(Math.max(0,
                            Math.round(estimatedSeconds * 1000) - (System.nanoTime() - started) / 1_000_000)));
        }

        void update(int done) {
            if (!enabled) {
                return;
            }
            if (bar == null && System.nanoTime() - started > 1_000_000_000L) {
                bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                        .setStyle(ProgressBarStyle.ASCII).setEtaFunction(this::eta)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            if (bar != null) {
                bar.stepTo(done);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
