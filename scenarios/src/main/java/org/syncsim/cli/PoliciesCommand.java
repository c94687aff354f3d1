package org.syncsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.syncsim.protocol.plan.PolicyCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code syncsim policies}: the plan profile's policies, kinds, parameters and recommended settings. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        description = {"List the plan profile's policies with their kinds, parameters and recommended settings.",
            "Prints a Markdown table: each policy's kinds (the first is the addon's behaviour), their parameters",
            "with defaults, and the recommended kind with its reason. Set one with e.g.",
            "--set protocol.policies.backoff.kind=none or in the scenario file (docs/protocol.md)."})
final class PoliciesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(table());
        out.flush();
        return ExitCodes.OK;
    }

    /** The Markdown table docs/protocol.md carries (a test keeps the two alike). */
    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("| policy | kinds and parameters (defaults) | recommended | why |\n|---|---|---|---|\n");
        for (PolicyCatalog.Policy p : PolicyCatalog.POLICIES) {
            String kinds = p.kinds().stream().map(k -> "`" + k.name() + "`" + (k.params().isEmpty() ? ""
                    : " (" + k.params().stream().map(x -> "`" + x.name() + "` " + x.defaultValue())
                            .collect(Collectors.joining(", ")) + ")")
                    + ": " + k.doc()).collect(Collectors.joining("; "));
            b.append("| `").append(p.name()).append("` (").append(p.targets()).append(") | ").append(kinds)
                    .append(" | `").append(p.recommended()).append("` | ").append(p.why()).append(" |\n");
        }
        return b.toString();
    }
}
