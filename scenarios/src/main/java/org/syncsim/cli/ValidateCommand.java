package org.syncsim.cli;

import java.util.concurrent.Callable;
import org.syncsim.scenario.LoadedScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syncsim validate FILE}: checks a scenario without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a scenario file (or bundled scenario name) without running it.",
            "Prints a one-line summary and exits 0 when valid; prints where and what is wrong and exits 2 when not."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.ParentCommand
    SyncSimCli parent;

    @Parameters(paramLabel = "FILE|NAME", description = "A scenario file (YAML or JSON) or a bundled scenario name.")
    String file;

    @Override
    public Integer call() {
        LoadedScenario s = ScenarioCommands.load(file);
        ScenarioCommands.checkSupported(parent.worlds(), s);
        ScenarioCommands.warn(spec, s);
        spec.commandLine().getOut().println("ok " + ScenarioCommands.oneLine(s));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
