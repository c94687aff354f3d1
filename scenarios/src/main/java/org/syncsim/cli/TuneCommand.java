package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.tune.TuneReport;
import org.syncsim.report.tune.TuneReports;
import org.syncsim.run.Cell;
import org.syncsim.run.CellEngine;
import org.syncsim.run.CellFiles;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.tune.TuneFile;
import org.syncsim.tune.TunePlan;
import org.syncsim.tune.Tuner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim tune FILE}: searches bounded parameters for the best value of an objective under constraints
 * (CMA-ES, every candidate on the same seeds), confirms the best point against the start on fresh seeds, and
 * writes {@code tune.json}, {@code tune.html} and the best point as a scenario file. Each evaluation's results are
 * kept as it finishes, so the same command after an interruption replays the search from them and runs only what
 * is missing.
 */
@Command(name = "tune", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tune parameters (policy or scenario fields) for an objective under constraints with CMA-ES,"
                + " every candidate on the same seeds; confirm the best point against the start on fresh seeds.",
            "Writes tune.json, tune.html and best.yaml, and prints the best point as --set options. Each evaluation"
                + " goes to evaluations/<id>/summary.json as it finishes; run the same command again to resume an"
                + " interrupted tune (the search is replayed from them; nothing finished runs again).",
            "The tune file's format is in docs/tuning.md."})
final class TuneCommand implements Callable<Integer> {
    /** The best point as a scenario file. */
    static final String BEST = "best.yaml";
    /** The tune file as it ran, beside the page. */
    static final String FILE_COPY = "tune.yaml";

    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "FILE", description = "The tune file (docs/tuning.md).")
    String file;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    BatchOutput output = new BatchOutput();

    @Override
    public Integer call() throws IOException {
        int t = threads.resolve();
        TunePlan plan;
        try {
            plan = TunePlan.expand(TuneFile.load(file), parent.worlds());
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        try (ResultsDirectory rd = ResultsDirectory.open(output.request(parent.resultsRoot(), plan.tune().name(),
                new ResultsDirectory.Identity("tune", List.of(ResultsDirectory.Identity.source(file)), List.of())), spec.commandLine().getErr())) {
            return runInto(rd, plan, t);
        }
    }

    private int runInto(ResultsDirectory rd, TunePlan plan, int t) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        TuneFile tf = plan.tune();
        int total = tf.budget() * tf.replications() + 2 * tf.confirmReplications();
        long started = System.nanoTime();
        int[] done = {0};
        int[] cached = {0};
        Set<String> files = new HashSet<>();
        Tuner.Outcome o;
        try (CellEngine eng = engine.open();
                RunCommand.Progress progress = new RunCommand.Progress("tune", total,
                        !output.quiet && System.console() != null)) {
            Tuner.Runner runner = new Tuner.Runner() {
                @Override
                public boolean finished(Cell point) {
                    boolean f = CellFiles.finished(rd.absolute(), point);
                    if (f) {
                        cached[0]++;
                    }
                    return f;
                }

                @Override
                public void run(List<? extends Cell> points) throws IOException {
                    int before = done[0];
                    CellRuns.run(rd, parent.worlds(), eng, points, t,
                            n -> progress.update(Math.min(total, before + n)));
                    done[0] = before + CellRuns.replications(points);
                }

                @Override
                public CellFiles.Values read(Cell point) throws IOException {
                    files.addAll(CellFiles.files(point));
                    return CellFiles.read(rd.absolute(), point);
                }
            };
            o = Tuner.tune(plan, runner, "syncsim tune " + file, BEST);
        } catch (RunFailedException e) {
            err.println("syncsim: " + e.getMessage() + " (the finished evaluations are kept; run the command again"
                    + " to resume)");
            return ExitCodes.SIMULATION_FAILURE;
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        TuneReport r = o.report();
        List<String> written = TuneReports.write(rd.staging(), r, Reports.generator());
        files.addAll(written);
        AtomicFiles.write(rd.staging().resolve(BEST), "# The best point of syncsim tune " + file + " (" + r.optimiser()
                .spent() + " evaluations); see tune.html.\n# " + r.setLine() + "\n"
                + ScenarioLoader.toYaml(o.best().resolved().scenario()));
        AtomicFiles.write(rd.staging().resolve(FILE_COPY), plan.file().text());
        files.add(BEST);
        files.add(FILE_COPY);
        rd.commit(files::contains, TuneReports.JSON_FILE);
        if (!output.quiet) {
            PrintWriter p = spec.commandLine().getOut();
            TuneReport.Confirmation c = r.confirmation();
            p.printf(Locale.ROOT, "%s: %d evaluations (%d points simulated now, %d found finished) in %.1f s%n",
                    tf.name(), r.optimiser().spent(), o.simulated(), cached[0], (System.nanoTime() - started) / 1e9);
            p.printf(Locale.ROOT, "  %s: start %s, best %s (search seeds)%s%n", r.objective().metric(),
                    num(r.start().objective().mean()), num(r.best().objective().mean()),
                    r.best().feasible() ? "" : "; no evaluation kept every constraint");
            p.printf(Locale.ROOT, "  fresh seeds (%d): best - start %s [%s, %s]%s%n", c.seed(),
                    num(c.difference().mean()), num(c.difference().low()), num(c.difference().high()),
                    c.better() ? ": better beyond noise" : ": not shown better beyond noise");
            p.println("  best: " + r.setLine());
            p.println("  report in " + rd.dir().resolve(TuneReports.PAGE) + "; scenario in " + rd.dir().resolve(BEST));
            p.flush();
        }
        return ExitCodes.OK;
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.4g", v);
    }
}
