package org.syncsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.syncsim.baseline.Baseline;
import org.syncsim.baseline.BaselineException;
import org.syncsim.baseline.BaselineFile;
import org.syncsim.baseline.CheckTable;
import org.syncsim.baseline.Measurement;
import org.syncsim.baseline.ScenarioBaseline;
import org.syncsim.baseline.ScenarioCheck;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim baseline check FILE}: re-runs every scenario of a baseline as recorded and exits 1 naming each
 * metric that moved beyond its tolerance and each trace fingerprint that differs (with its first differing event).
 */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Re-run the scenarios of a baseline FILE and compare: exit 1 naming each metric that moved"
                + " beyond its tolerance and each trace that differs (where it first does), 0 if none.",
            "On the recorded seeds runs are deterministic, so a metric compares its mean with the recorded mean;"
                + " with --seed the new interval must overlap the recorded one widened by the tolerance, and"
                + " fingerprints are not compared."},
        footer = {"", "Exit codes: 0 nothing moved; 1 a metric moved, a fingerprint differs or a replication failed;"
                + " 2 bad input (a bad baseline file: file:line:column: field: what)."})
final class BaselineCheckCommand implements Callable<Integer> {
    /** Which kinds of baseline a check compares. */
    enum Kind {
        both, statistical, fingerprint
    }

    @Spec
    CommandSpec spec;

    @ParentCommand
    BaselineCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The baseline file (syncsim baseline write).")
    Path file;

    @Option(names = "--kind", paramLabel = "KIND", defaultValue = "both",
            description = "What to compare: both (default), statistical (metrics only) or fingerprint (traces only).")
    Kind kind;

    @Option(names = "--seed", paramLabel = "S", description = "Run every scenario from another master seed: metrics"
            + " are compared by interval, fingerprints not at all.")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field of every scenario on top of"
            + " what the baseline recorded, e.g. to see what a change of a protocol constant would move.")
    List<String> sets = new ArrayList<>();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Override
    public Integer call() {
        int t = threads.resolve();
        Baseline b;
        try {
            b = BaselineFile.read(file);
        } catch (BaselineException e) {
            throw BaselineCommand.bad(e);
        }
        List<LoadedScenario> loaded = new ArrayList<>();
        for (ScenarioBaseline sb : b.scenarios()) { // bad input fails here, before anything runs
            List<String> settings = BaselineCommand.settings(sb.overrides(), seed != null ? seed : sb.seed(),
                    sb.replications());
            settings.addAll(sets);
            LoadedScenario s = BaselineCommand.load(file, sb.scenario(), settings);
            ScenarioCommands.checkSupported(parent.parent.worlds(), s);
            loaded.add(s);
        }
        PrintWriter o = spec.commandLine().getOut();
        CheckTable.header(o);
        List<ScenarioCheck> checks = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            ScenarioBaseline sb = b.scenarios().get(i);
            boolean sameSeeds = seed == null || seed == sb.seed();
            boolean fingerprints = kind != Kind.statistical && sameSeeds;
            Measurement m;
            try {
                m = Measurement.of(parent.parent.worlds(), loaded.get(i), t, fingerprints ? sb.fingerprint() : null);
            } catch (RunFailedException e) {
                o.flush();
                spec.commandLine().getErr().println("syncsim: " + sb.name() + ": " + e.getMessage());
                return ExitCodes.SIMULATION_FAILURE;
            }
            ScenarioCheck c = ScenarioCheck.of(sb, b.tolerances(), m, sameSeeds, kind != Kind.fingerprint,
                    fingerprints);
            CheckTable.row(o, c);
            checks.add(c);
        }
        CheckTable.summary(o, checks);
        return checks.stream().allMatch(ScenarioCheck::ok) ? ExitCodes.OK : ExitCodes.SIMULATION_FAILURE;
    }
}
