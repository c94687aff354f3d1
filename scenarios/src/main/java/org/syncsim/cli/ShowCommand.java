package org.syncsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syncsim show NAME}: prints a bundled scenario's file, or a bundled sheet file, to read or to copy and edit. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = {"Print a bundled scenario file (e.g. 'syncsim show late-joiner > my-raid.yaml')",
                "or a bundled sheet file (e.g. 'syncsim show " + BundledScenarios.EXAMPLE_SHEET + " > my-sheet.yaml')."})
final class ShowCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "A bundled scenario (see 'syncsim list') or sheet file.")
    String name;

    @Override
    public Integer call() {
        String sheet = BundledScenarios.sheetText(name);
        if (sheet == null && !BundledScenarios.names().contains(name)) {
            throw new BadInputException(name + ": no bundled scenario of that name"
                    + ScenarioLoader.suggestion(name, BundledScenarios.names()) + " (see syncsim list), and no "
                    + "bundled sheet (e.g. " + BundledScenarios.EXAMPLE_SHEET + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(sheet != null ? sheet : BundledScenarios.text(name));
        out.flush();
        return ExitCodes.OK;
    }
}
