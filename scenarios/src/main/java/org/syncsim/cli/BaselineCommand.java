package org.syncsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.syncsim.baseline.BaselineException;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code syncsim baseline write|check}: regression baselines of scenarios (docs/baselines.md). The subcommands share
 * how a baseline names a scenario: a bundled scenario by name, a file by its path relative to the baseline file.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Record what scenarios measure, then check that a later build still measures it.",
            "  syncsim baseline write FILE [SCENARIO...]   (default: every bundled scenario)",
            "  syncsim baseline check FILE                 (exit 1 naming what moved; 0 if nothing did)"},
        subcommands = {BaselineWriteCommand.class, BaselineCheckCommand.class})
final class BaselineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    SyncSimCli parent;

    /** Bare {@code syncsim baseline}: bad input, as bare {@code syncsim} is. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("syncsim baseline: expected write or check; e.g. syncsim baseline check"
                + " baselines/bundled.json");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.BAD_INPUT;
    }

    /** How {@code file} names scenario argument {@code arg}: a file relative to the file's directory, else a name. */
    static String stored(Path file, String arg) {
        Path p = Path.of(arg);
        if (!Files.isRegularFile(p)) {
            return arg.replaceFirst("\\.(ya?ml|json)$", "");
        }
        Path dir = file.toAbsolutePath().normalize().getParent();
        return dir.relativize(p.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    /** The scenario {@code stored} names in {@code file}, with {@code settings} applied. */
    static LoadedScenario load(Path file, String stored, List<String> settings) {
        Path p = file.toAbsolutePath().normalize().getParent().resolve(stored);
        LoadedScenario base = ScenarioCommands.load(Files.isRegularFile(p) ? p.toString() : stored);
        try {
            return ScenarioLoader.override(base, settings);
        } catch (ScenarioException e) {
            throw new BadInputException(stored + ": " + e.getMessage(), e);
        }
    }

    /** {@code overrides}, then the seed and replications a baseline records separately. */
    static List<String> settings(List<String> overrides, long seed, int replications) {
        List<String> all = new ArrayList<>(overrides);
        all.add("run.seed=" + seed);
        all.add("run.replications=" + replications);
        return all;
    }

    static BadInputException bad(BaselineException e) {
        return new BadInputException(e.getMessage(), e);
    }
}
