package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.syncsim.design.DesignCell;
import org.syncsim.design.DesignMatrix;
import org.syncsim.design.DesignPlan;
import org.syncsim.report.AtomicFiles;
import org.syncsim.report.ReportWriter;
import org.syncsim.report.design.CellResult;
import org.syncsim.report.design.DesignAnalysis;
import org.syncsim.report.design.DesignInput;
import org.syncsim.run.CellEngine;
import org.syncsim.run.CellFiles;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim design-report}: runs a matrix of base scenarios under protocol configurations on common random
 * numbers and writes {@code design-report.html}, what each improvement is worth. Each cell's results are kept as it
 * finishes, so an interrupted report resumes where it stopped.
 */
@Command(name = "design-report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a design matrix (base scenarios x protocol configurations, same seeds in every"
                + " configuration) and write design-report.html: what each improvement of the plan is worth.",
            "Each cell's results go to cells/<cell>/summary.json as it finishes; run the same command again to resume"
                + " an interrupted report (finished cells are not run again).",
            "The matrix format is in docs/reports.md; syncsim design-report --quick runs a reduced matrix in under a"
                + " minute."})
final class DesignReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "MATRIX", arity = "0..1",
            description = "A matrix file (default: the bundled matrix, '" + DesignMatrix.DEFAULT + "').")
    String matrix;

    @Option(names = "--quick", description = "Run the bundled reduced matrix ('" + DesignMatrix.QUICK + "'), in under"
            + " a minute.")
    boolean quick;

    @Mixin
    BatchSettings batch = new BatchSettings();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Mixin
    BatchOutput output = new BatchOutput();

    @Override
    public Integer call() throws IOException {
        if (quick && matrix != null) {
            throw new BadInputException("--quick runs the bundled reduced matrix; give either --quick or a MATRIX");
        }
        int t = threads.resolve();
        DesignPlan plan;
        try {
            DesignMatrix.Loaded m = DesignMatrix.load(matrix != null ? matrix
                    : quick ? DesignMatrix.QUICK : DesignMatrix.DEFAULT);
            plan = DesignPlan.expand(m, batch.sets, batch.replications, batch.seed, parent.worlds());
        } catch (ScenarioException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        List<String> settings = batch.asArguments();
        String source = matrix != null ? ResultsDirectory.Identity.source(matrix) : plan.matrix().source();
        try (ResultsDirectory rd = ResultsDirectory.open(output.request(parent.resultsRoot(),
                plan.matrix().matrix().name(), new ResultsDirectory.Identity("design-report", List.of(source),
                        settings)),
                spec.commandLine().getErr())) {
            return runInto(rd, plan, t, settings);
        }
    }

    /** Runs the cells not finished yet, publishing each as it ends, then writes the page from every cell's file. */
    private int runInto(ResultsDirectory rd, DesignPlan plan, int t, List<String> settings) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        List<DesignCell> todo = CellRuns.unfinished(rd, plan.cells());
        int reps = CellRuns.replications(todo);
        double estimate = CellRuns.estimate(todo, t);
        if (!output.quiet) {
            if (todo.size() < plan.cells().size()) {
                err.println("syncsim: " + (plan.cells().size() - todo.size()) + " of " + plan.cells().size()
                        + " cells already in " + rd.dir() + "; running the other " + todo.size());
            }
            if (estimate > RunCommand.Progress.SHOW_AFTER_S) {
                err.printf(java.util.Locale.ROOT, "syncsim: %d cells, %d replications, estimated %.0f s%n",
                        todo.size(), reps, estimate);
            }
            err.flush();
        }
        long started = System.nanoTime();
        try (CellEngine eng = engine.open();
                RunCommand.Progress progress = new RunCommand.Progress("design-report", reps,
                !output.quiet && System.console() != null, estimate)) {
            CellRuns.run(rd, parent.worlds(), eng, todo, t, progress::update);
        } catch (RunFailedException e) {
            err.println("syncsim: " + e.getMessage() + " (the finished cells are kept; run the command again to"
                    + " resume)");
            return ExitCodes.SIMULATION_FAILURE;
        }
        List<CellResult> cells = new ArrayList<>();
        Set<String> files = new HashSet<>();
        for (DesignCell c : plan.cells()) {
            cells.add(c.read(rd.absolute()));
            files.addAll(CellFiles.files(c));
        }
        DesignMatrix m = plan.matrix().matrix();
        String command = "syncsim design-report " + (matrix != null ? matrix : quick ? "--quick" : "")
                + (settings.isEmpty() ? "" : " " + String.join(" ", settings));
        DesignInput in = new DesignInput("What each improvement is worth: " + m.name(),
                m.description() != null ? m.description() : "", plan.matrix().source(),
                plan.cells().isEmpty() ? m.replications() : plan.cells().get(0).resolved().scenario().run().replications(),
                plan.cells().isEmpty() ? m.seed() : plan.cells().get(0).resolved().scenario().run().seed(),
                m.baseline(), plan.focus().id(), plan.configurations(), plan.bases(), cells, plan.skipped(),
                command.trim());
        ReportWriter.writeDesignReport(rd.staging(), new DesignAnalysis(in), Reports.generator());
        AtomicFiles.write(rd.staging().resolve(MATRIX_COPY), plan.matrix().text());
        rd.commit(files::contains, ReportWriter.DESIGN_REPORT);
        if (!output.quiet) {
            PrintWriter o = spec.commandLine().getOut();
            o.printf(java.util.Locale.ROOT, "%s: %d cells (%d run now) in %.1f s%n  report in %s%n", m.name(),
                    plan.cells().size(), todo.size(), (System.nanoTime() - started) / 1e9,
                    rd.dir().resolve(ReportWriter.DESIGN_REPORT));
            o.flush();
        }
        return ExitCodes.OK;
    }

    /** The matrix as it ran, beside the page. */
    static final String MATRIX_COPY = "matrix.yaml";
}
