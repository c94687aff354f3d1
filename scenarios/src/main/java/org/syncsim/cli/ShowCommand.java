package org.syncsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syncsim show NAME}: prints a bundled scenario's file, to read or to copy and edit. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Print a bundled scenario file (e.g. 'syncsim show late-joiner > my-raid.yaml').")
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A bundled scenario (see 'syncsim list').")
    String name;

    @Override
    public Integer call() {
        if (!BundledScenarios.names().contains(name)) {
            throw new BadInputException(name + ": no bundled scenario of that name"
                    + ScenarioLoader.suggestion(name, BundledScenarios.names()) + " (see syncsim list)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(BundledScenarios.text(name));
        out.flush();
        return ExitCodes.OK;
    }
}
