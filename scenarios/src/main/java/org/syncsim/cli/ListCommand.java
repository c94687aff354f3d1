package org.syncsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.syncsim.scenario.BundledScenarios;
import org.syncsim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syncsim list}: the bundled scenarios and what each shows. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the bundled scenarios with the first line of each file's header.",
            "Run one with 'syncsim run NAME'; copy one to edit it with 'syncsim show NAME > my.yaml'."})
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int width = BundledScenarios.names().stream().mapToInt(String::length).max().orElse(0);
        for (String name : BundledScenarios.names()) {
            String summary = ScenarioLoader.commentSummary(BundledScenarios.text(name));
            out.printf("%-" + width + "s  %s%n", name, summary == null ? "" : summary);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
