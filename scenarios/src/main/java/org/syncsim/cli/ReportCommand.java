package org.syncsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.syncsim.report.Replications;
import org.syncsim.report.ReportWriter;
import org.syncsim.run.RunEstimate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code syncsim report DIR}: the HTML report of a results directory written by {@code syncsim run}. */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write report.html for a results directory of syncsim run.",
            "The directory keeps aggregates, not every event, so its resolved scenario is simulated again (runs are"
                + " deterministic) and checked against its summary.json before the report is drawn."})
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "DIR", description = "A results directory (holds summary.json).")
    Path dir;

    @Option(names = "--out", paramLabel = "DIR", description = {"Where to write report.html (default: DIR itself)."
            + " Must be new, empty, or written by SyncSim; only files SyncSim wrote are replaced."})
    Path out;

    @Option(names = "--replace", description = "Replace other results in --out (never files SyncSim did not write).")
    boolean replace;

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = {"-q", "--quiet"}, description = "No progress bar.")
    boolean quiet;

    @Option(names = "--allow-large", description = {"Simulate DIR again even when that is estimated at more than an"
            + " hour or 60 %% of the Java heap, as syncsim run --allow-large.",
        "Without it such a report is refused with the estimate (exit 2)."})
    boolean allowLarge;

    @Override
    public Integer call() throws IOException {
        Reports.ResultDir rd = Reports.readResultDir(dir);
        int t = threads.resolve();
        // the report simulates DIR's scenario again: the same bounds as syncsim run, before anything is touched
        RunCommand.checkSize(RunEstimate.of(rd.scenario(), t), allowLarge,
                "replications (syncsim run --replications N, then report that directory)");
        if (out == null && replace) {
            throw new BadInputException("--replace: only with --out DIR (the report of DIR is always DIR's own)");
        }
        Path page;
        try (ResultsDirectory target = out == null ? ResultsDirectory.openOwn(dir, "DIR", spec.commandLine().getErr())
                : ResultsDirectory.open(new ResultsDirectory.Request(out, "--out", true, new ResultsDirectory.Identity(
                        "report", List.of(dir.toAbsolutePath().normalize().toString()), List.of()), replace),
                        spec.commandLine().getErr())) {
            Replications results;
            try (RunCommand.Progress progress = new RunCommand.Progress(rd.scenario().scenario().name(),
                    rd.scenario().scenario().run().replications(), !quiet && System.console() != null)) {
                results = Reports.rerun(parent.worlds(), rd, t, progress::update);
            }
            ReportWriter.writeRunReport(target.staging(),
                    Reports.input(rd.scenario(), rd.overrides(), results, rd.scenario().scenario().name()),
                    Reports.generator());
            // into a run's directory the report joins its results; elsewhere it replaces an earlier report
            target.commit(out == null ? f -> !isReportFile(f) : f -> false, ReportWriter.REPORT);
            page = target.dir().resolve(ReportWriter.REPORT);
        }
        if (!quiet) {
            spec.commandLine().getOut().println("report in " + page);
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    /** A file of a run report: {@code report.html} or a chart. */
    private static boolean isReportFile(String f) {
        return f.equals(ReportWriter.REPORT) || f.startsWith(ReportWriter.CHARTS + "/");
    }
}
