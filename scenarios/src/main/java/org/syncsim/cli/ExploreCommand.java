package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.syncsim.explore.Exploration;
import org.syncsim.explore.Explorer;
import org.syncsim.explore.FindingsWriter;
import org.syncsim.run.CellEngine;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.scenario.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syncsim explore}: random fault schedules on a scenario, invariants checked, failures shrunk. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search for broken invariants: run random fault schedules (disconnects, loading screens,"
            + " reloads, late joins, loss bursts, partitions, imports, edits, rogue messages) on a scenario, check"
            + " after each run that no Java exception escaped, message copies are conserved, every member"
            + " converged after the faults healed, no version went backwards, no silent desync and no message loop"
            + " (and note Lua errors), then shrink the first failing schedule of each finding to a minimal"
            + " scenario file.",
            "Writes findings.json and one scenario file per finding into --out (docs/explore.md). A budget in runs"
                + " gives the same findings for any --threads or --engine; shrinking runs on this machine."})
final class ExploreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "FILE|NAME", description = "The base scenario: a file, or a bundled scenario.")
    String scenario;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a base scenario field, e.g."
            + " --set protocol.profile=plan.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--budget", paramLabel = "RUNS|TIME", defaultValue = "2m",
            description = "How many schedules to run (e.g. 500) or for how long (e.g. 2m, 30s); default"
                    + " ${DEFAULT-VALUE}. Shrinking comes after, at most --shrink-runs runs per finding.")
    String budget;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Master seed: schedule i is drawn from a seed derived from it (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-faults", paramLabel = "N", defaultValue = "6",
            description = "At most N faults per schedule (default ${DEFAULT-VALUE}).")
    int maxFaults;

    @Option(names = "--window", paramLabel = "TIME",
            description = "Faults start in [0, TIME) (default: the base timeline's end + 30s, at least 60s).")
    String window;

    @Option(names = "--quiet-period", paramLabel = "TIME", defaultValue = "5m",
            description = "How long the run goes on after the last fault ended (default ${DEFAULT-VALUE}); members"
                    + " must have converged by then, and nothing may be sent in its last minute.")
    String quietPeriod;

    @Option(names = "--shrink-runs", paramLabel = "N", defaultValue = "40",
            description = "At most N runs to shrink each finding (default ${DEFAULT-VALUE}; 0: no shrinking).")
    int shrinkRuns;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write findings.json and the shrunk"
            + " scenario files (default: results/<scenario name>-explore).")
    Path out;

    @Option(names = "--replace", description = "Replace the results of another exploration in --out.")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "No progress bar and no summary table.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        LoadedScenario base;
        try {
            base = ScenarioLoader.override(ScenarioCommands.load(scenario), sets);
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        ScenarioCommands.checkSupported(parent.worlds(), base);
        if (maxFaults < 1) {
            throw new BadInputException("--max-faults " + maxFaults + ": expected 1 or more");
        }
        if (shrinkRuns < 0) {
            throw new BadInputException("--shrink-runs " + shrinkRuns + ": expected 0 or more");
        }
        Budget b = Budget.parse(budget);
        Span settle = span("--quiet-period", quietPeriod);
        Span minute = Span.parse("60s");
        if (settle.micros() < minute.micros()) {
            throw new BadInputException("--quiet-period " + quietPeriod + ": expected at least 60s (its last minute"
                    + " must be silent)");
        }
        Span win = window != null ? span("--window", window)
                : new Span(Math.max(minute.micros(), base.timelineEndMicros() + Span.parse("30s").micros()));
        if (win.micros() <= 0) {
            throw new BadInputException("--window " + window + ": expected a time above 0, e.g. 60s");
        }
        Explorer.Settings settings = new Explorer.Settings(seed, maxFaults, win, settle, minute,
                base.scenario().run().eventCap());
        Exploration x;
        try {
            x = Exploration.of(parent.worlds(), base, settings);
        } catch (ScenarioException | IllegalArgumentException e) {
            throw new BadInputException(scenario + ": cannot add faults to this scenario: " + e.getMessage(), e);
        }
        int t = threads.resolve();
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        String command = "syncsim " + String.join(" ", args);
        ResultsDirectory.Identity identity = new ResultsDirectory.Identity("explore",
                List.of(ResultsDirectory.Identity.source(scenario)), args);
        Path dir = out != null ? out : parent.resultsRoot().resolve(base.scenario().name() + "-explore");
        PrintWriter err = spec.commandLine().getErr();
        try (ResultsDirectory rd = ResultsDirectory.open(new ResultsDirectory.Request(dir, "--out", out != null,
                identity, replace), err)) {
            try (CellEngine eng = engine.open(); Bar bar = new Bar(b, !quiet && System.console() != null)) {
                long start = System.nanoTime();
                x.search(eng, t, b.runs(), () -> b.runs() != Integer.MAX_VALUE
                        || System.nanoTime() - start < b.time().micros() * 1000, bar::update);
            } catch (RunFailedException e) {
                err.println("syncsim: " + e.getMessage());
                return ExitCodes.SIMULATION_FAILURE;
            }
            if (shrinkRuns > 0 && !x.results().isEmpty()) {
                if (!quiet) {
                    err.println("syncsim: shrinking " + x.results().size() + " finding(s), at most " + shrinkRuns
                            + " runs each");
                    err.flush();
                }
                x.shrink(t, shrinkRuns);
                err.flush();
            }
            FindingsWriter.write(rd.staging(), x, command);
            rd.commit(f -> false, FindingsWriter.FINDINGS);
            PrintWriter o = spec.commandLine().getOut();
            if (!quiet) {
                FindingsWriter.printTable(o, x);
                o.println("  findings in " + rd.dir().resolve(FindingsWriter.FINDINGS) + ", one scenario file each");
            }
            o.flush();
        }
        return ExitCodes.OK;
    }

    private static Span span(String option, String text) {
        try {
            return Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + " " + text + ": expected a time like 90s or 5m");
        }
    }

    /** {@code --budget}: a number of runs, or a time. */
    record Budget(int runs, Span time) {
        static Budget parse(String text) {
            if (text.matches("[0-9]+")) {
                int n;
                try {
                    n = Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    n = -1;
                }
                if (n < 1) {
                    throw new BadInputException("--budget " + text + ": expected 1 to " + Integer.MAX_VALUE
                            + " runs, or a time like 2m");
                }
                return new Budget(n, null);
            }
            try {
                Span s = Span.parse(text);
                if (s.micros() <= 0) {
                    throw new IllegalArgumentException("zero");
                }
                return new Budget(Integer.MAX_VALUE, s);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--budget " + text + ": expected a number of runs (e.g. 500) or a time"
                        + " (e.g. 2m, 30s)");
            }
        }
    }

    /** Progress on stderr: runs (or seconds) of the budget, and the distinct findings so far. */
    private static final class Bar implements AutoCloseable {
        private final Budget budget;
        private final boolean enabled;
        private final long started = System.nanoTime();
        private ProgressBar bar;

        Bar(Budget budget, boolean enabled) {
            this.budget = budget;
            this.enabled = enabled;
        }

        void update(int runs, int findings) {
            if (!enabled) {
                return;
            }
            boolean timed = budget.time() != null;
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("explore")
                        .setInitialMax(timed ? budget.time().micros() / 1_000_000 : budget.runs())
                        .setUnit(timed ? " s" : " runs", 1).setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.stepTo(timed ? (System.nanoTime() - started) / 1_000_000_000L : runs);
            bar.setExtraMessage(runs + " runs, " + findings + " finding" + (findings == 1 ? "" : "s"));
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
