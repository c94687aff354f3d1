package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.ReportWriter;
import org.syncsim.report.sweep.PointResult;
import org.syncsim.report.sweep.SweepAnalysis;
import org.syncsim.report.sweep.SweepInput;
import org.syncsim.run.CellEngine;
import org.syncsim.run.CellFiles;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.sweep.Parameter;
import org.syncsim.sweep.SweepFile;
import org.syncsim.sweep.SweepPlan;
import org.syncsim.sweep.SweepPoint;
import org.syncsim.sweep.SweepTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim sweep FILE}: runs a scenario at every point of a parameter sweep and writes {@code sweep.csv},
 * {@code sweep.json} and {@code sweep.html}. Each point's results are kept as it finishes, so {@code --resume}
 * continues an interrupted sweep without running a finished point again.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a scenario at every point of a parameter sweep (values, ranges, log ranges, random or"
                + " Latin-hypercube samples of any --set key) and write sweep.csv, sweep.json and sweep.html: every"
                + " metric's mean and 95 %% interval per point, charts against the parameters, the Pareto front.",
            "Each point's results go to points/<point>/summary.json as it finishes; --resume continues an interrupted"
                + " sweep without running those again. The file format is in docs/sweeps.md."})
final class SweepCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "FILE", description = "The sweep file (docs/sweeps.md).")
    String file;

    @Mixin
    BatchSettings batch = new BatchSettings();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    BatchOutput output = new BatchOutput();

    @Option(names = "--resume", description = "Continue the sweep whose finished points --out (or the default"
            + " directory) holds: run only the points not finished yet.")
    boolean resume;

    @Override
    public Integer call() throws IOException {
        int t = threads.resolve();
        SweepPlan plan;
        try {
            plan = SweepPlan.expand(SweepFile.load(file), batch.sets, batch.replications, batch.seed,
                    parent.worlds());
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> settings = batch.asArguments();
        SweepFile s = plan.file().sweep();
        try (ResultsDirectory rd = ResultsDirectory.open(output.request(parent.resultsRoot(), s.name(),
                new ResultsDirectory.Identity("sweep", List.of(ResultsDirectory.Identity.source(file)), settings)), spec.commandLine().getErr())) {
            return runInto(rd, plan, t, settings);
        }
    }

    private int runInto(ResultsDirectory rd, SweepPlan plan, int t, List<String> settings) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<SweepPoint> todo = CellRuns.unfinished(rd, plan.points());
        int done = plan.points().size() - todo.size();
        if (done > 0 && !resume) {
            throw new BadInputException(rd.dir() + " already holds " + done + " of the " + plan.points().size()
                    + " points of this sweep: add --resume to run only the other " + todo.size() + ", or remove the"
                    + " directory to start over");
        }
        int reps = CellRuns.replications(todo);
        double estimate = CellRuns.estimate(todo, t);
        if (!output.quiet) {
            if (plan.duplicates() > 0) {
                err.println("syncsim: " + plan.duplicates() + " sampled points came out the same as another after"
                        + " rounding; each runs once");
            }
            if (done > 0) {
                err.println("syncsim: resuming: " + done + " of " + plan.points().size() + " points already in "
                        + rd.dir() + "; running the other " + todo.size());
            }
            err.printf(Locale.ROOT, "syncsim: %d points, %d replications%s%n", todo.size(), reps,
                    estimate > RunCommand.Progress.SHOW_AFTER_S ? String.format(Locale.ROOT, ", estimated %.0f s",
                            estimate) : "");
            err.flush();
        }
        long started = System.nanoTime();
        try (CellEngine eng = engine.open();
                RunCommand.Progress progress = new RunCommand.Progress("sweep", reps,
                        !output.quiet && System.console() != null, estimate)) {
            CellRuns.run(rd, parent.worlds(), eng, todo, t, progress::update);
        } catch (RunFailedException e) {
            err.println("syncsim: " + e.getMessage() + " (the finished points are kept; rerun with --resume)");
            return ExitCodes.SIMULATION_FAILURE;
        }
        List<PointResult> points = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (SweepPoint p : plan.points()) {
            CellFiles.Values v = CellFiles.read(rd.absolute(), p);
            points.add(new PointResult(p.id(), p.values(), p.file(), p.command(), v.seeds(), v.metrics()));
            files.add(p.file());
        }
        SweepFile s = plan.file().sweep();
        String command = ("syncsim sweep " + file + (settings.isEmpty() ? "" : " " + String.join(" ", settings)))
                .trim();
        Set<String> sampled = new HashSet<>();
        s.parameters().stream().filter(Parameter::sampled).forEach(p -> sampled.add(p.key()));
        SweepPoint first = plan.points().get(0);
        SweepInput in = new SweepInput(s.name(), s.description() != null ? s.description() : "",
                plan.file().source(), s.scenario(), s.parameters().stream().map(Parameter::key).toList(), sampled,
                first.resolved().scenario().run().replications(), batch.seed != null ? batch.seed : s.seed(),
                s.commonRandomNumbers(), points, command);
        SweepAnalysis a = new SweepAnalysis(in);
        AtomicFiles.write(rd.staging().resolve(SweepTables.CSV), SweepTables.csv(a));
        AtomicFiles.write(rd.staging().resolve(SweepTables.JSON), SweepTables.json(a));
        AtomicFiles.write(rd.staging().resolve(FILE_COPY), plan.file().text());
        ReportWriter.writeSweep(rd.staging(), a, Reports.generator());
        rd.commit(files::contains, ReportWriter.SWEEP);
        if (!output.quiet) {
            PrintWriter o = spec.commandLine().getOut();
            PointResult best = a.lowest(SweepAnalysis.FRONT_TIME.key());
            o.printf(Locale.ROOT, "%s: %d points (%d run now) in %.1f s%n", s.name(), plan.points().size(),
                    todo.size(), (System.nanoTime() - started) / 1e9);
            if (best != null) {
                o.printf(Locale.ROOT, "  lowest time to sync p95: %.3f s at %s%n",
                        a.stat(best, SweepAnalysis.FRONT_TIME.key()).mean(), best.describe());
            }
            int front = a.paretoFront().size();
            o.printf("  %d point%s on the Pareto front of time to sync p95 against bytes%n", front,
                    front == 1 ? "" : "s");
            o.printf("  table in %s, page in %s%n", rd.dir().resolve(SweepTables.CSV),
                    rd.dir().resolve(ReportWriter.SWEEP));
            o.flush();
        }
        return ExitCodes.OK;
    }

    /** The sweep file as it ran, beside the page. */
    static final String FILE_COPY = "sweep.yaml";
}
