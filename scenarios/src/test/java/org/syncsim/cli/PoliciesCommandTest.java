package org.syncsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.plan.PolicyCatalog;
import picocli.CommandLine;

/** {@code syncsim policies} prints the catalog, and docs/protocol.md carries the same table. */
class PoliciesCommandTest {
    static final Path DOC = Path.of("..", "docs", "protocol.md");

    @Test
    void theCommandPrintsEveryPolicyWithItsKindsParametersAndRecommendedKind() {
        CommandLine cl = SyncSimCli.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("policies"));
        String table = out.toString();
        assertEquals(PoliciesCommand.table(), table);
        for (PolicyCatalog.Policy p : PolicyCatalog.POLICIES) {
            assertTrue(table.contains("| `" + p.name() + "` (" + p.targets() + ")"), p.name());
            assertTrue(table.contains("| `" + p.recommended() + "` |"), p.name());
            for (PolicyCatalog.Kind k : p.kinds()) {
                assertTrue(table.contains("`" + k.name() + "`"), k.name());
                k.params().forEach(x -> assertTrue(table.contains("`" + x.name() + "` " + x.defaultValue()),
                        p.name() + " " + x.name()));
            }
        }
    }

    @Test
    void docsProtocolMdCarriesTheTableTheCommandPrints() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        assertTrue(doc.contains(PoliciesCommand.table()),
                "docs/protocol.md's policy table is stale: paste the output of ./syncsim policies");
    }
}
