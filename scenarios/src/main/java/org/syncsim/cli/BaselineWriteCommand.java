package org.syncsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.syncsim.baseline.Baseline;
import org.syncsim.baseline.BaselineException;
import org.syncsim.baseline.BaselineFile;
import org.syncsim.baseline.Measurement;
import org.syncsim.baseline.ScenarioBaseline;
import org.syncsim.baseline.ToleranceOverride;
import org.syncsim.run.RunFailedException;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim baseline write FILE [SCENARIO…]}: runs each scenario and records its metrics with their intervals
 * and replication 0's trace fingerprint. Rewriting a baseline keeps the tolerances its file set.
 */
@Command(name = "write", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run scenarios and record their metrics and trace fingerprints in FILE (JSON).",
            "Rewriting an existing baseline keeps the tolerances set in it; a file that is not a SyncSim baseline is"
                + " refused unless --replace.",
            "Example: syncsim baseline write baselines/bundled.json --replications 2"})
final class BaselineWriteCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    BaselineCommand parent;

    @Parameters(index = "0", paramLabel = "FILE", description = "The baseline file to write.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "SCENARIO",
            description = "Scenario files or bundled scenario names (default: every bundled scenario, syncsim list).")
    List<String> scenarios = new ArrayList<>();

    @Option(names = "--replications", paramLabel = "N",
            description = "Replications of every scenario (default: each scenario's run.replications).")
    Integer replications;

    @Option(names = "--seed", paramLabel = "S", description = "Master seed of every scenario (default: its run.seed).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a field of every scenario; recorded, so check runs it the same way.")
    List<String> sets = new ArrayList<>();

    @Mixin
    ThreadsOption threads = new ThreadsOption();

    @Option(names = "--replace", description = "Overwrite FILE even if it is not a SyncSim baseline (nothing of it"
            + " is kept).")
    boolean replace;

    @Option(names = {"-q", "--quiet"}, description = "No line per scenario.")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        int t = threads.resolve();
        if (replications != null && replications < 1) {
            throw new BadInputException("--replications " + replications + ": expected 1 or more");
        }
        Baseline previous = previous();
        List<String> args = scenarios.isEmpty() ? BundledScenarios.names() : scenarios;
        List<String> stored = new ArrayList<>();
        List<LoadedScenario> loaded = new ArrayList<>();
        for (String a : args) { // bad input fails here, before anything runs
            LoadedScenario base = ScenarioCommands.load(a);
            String name = BaselineCommand.stored(file, a);
            if (stored.contains(name)) {
                throw new BadInputException(a + ": named twice");
            }
            LoadedScenario s = BaselineCommand.load(file, name, BaselineCommand.settings(sets,
                    seed != null ? seed : base.scenario().run().seed(),
                    replications != null ? replications : base.scenario().run().replications()));
            ScenarioCommands.checkSupported(parent.parent.worlds(), s);
            stored.add(name);
            loaded.add(s);
        }
        Map<String, ScenarioBaseline> before = previous == null ? Map.of() : previous.scenarios().stream()
                .collect(Collectors.toMap(ScenarioBaseline::scenario, Function.identity(), (x, y) -> x));
        PrintWriter err = spec.commandLine().getErr();
        List<ScenarioBaseline> out = new ArrayList<>();
        for (int i = 0; i < loaded.size(); i++) {
            LoadedScenario s = loaded.get(i);
            long start = System.nanoTime();
            Measurement m;
            try {
                m = Measurement.of(parent.parent.worlds(), s, t, null);
            } catch (RunFailedException e) {
                err.println("syncsim: " + s.scenario().name() + ": " + e.getMessage());
                return ExitCodes.SIMULATION_FAILURE;
            }
            ScenarioBaseline old = before.get(stored.get(i));
            out.add(new ScenarioBaseline(stored.get(i), s.scenario().name(), s.scenario().run().seed(),
                    s.scenario().run().replications(), sets, old == null ? Map.of() : old.tolerances(), m.recorded(),
                    m.fingerprint()));
            if (!quiet) {
                err.printf(Locale.ROOT, "baseline: %-28s %d replication%s, %d events traced (%.1f s)%n",
                        s.scenario().name(), s.scenario().run().replications(),
                        s.scenario().run().replications() == 1 ? "" : "s", m.fingerprint().events(),
                        (System.nanoTime() - start) / 1e9);
                err.flush();
            }
        }
        Map<String, ToleranceOverride> tolerances = previous == null ? Map.of() : previous.tolerances();
        BaselineFile.write(file, new Baseline(tolerances, out), "SyncSim " + VersionInfo.version());
        PrintWriter o = spec.commandLine().getOut();
        if (!quiet) {
            o.printf(Locale.ROOT, "baseline of %d scenario%s in %s (%d kB)%s%n", out.size(), out.size() == 1 ? "" : "s",
                    file, (Files.size(file) + 512) / 1024, previous == null ? ""
                            : "; the tolerances set in it are kept");
        }
        o.flush();
        return ExitCodes.OK;
    }

    /** The baseline {@code file} holds now, null if none; refuses a file it would destroy without --replace. */
    private Baseline previous() {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a directory, expected a baseline file name");
        }
        if (!Files.exists(file) || replace) {
            return null;
        }
        if (!BaselineFile.isBaseline(file)) {
            throw new BadInputException(file + ": exists and is not a SyncSim baseline; pass --replace to overwrite"
                    + " it");
        }
        try {
            return BaselineFile.read(file);
        } catch (BaselineException e) {
            throw new BadInputException(e.getMessage() + "\n" + file + ": fix it to keep its tolerances, or pass"
                    + " --replace to write it anew", e);
        }
    }
}
