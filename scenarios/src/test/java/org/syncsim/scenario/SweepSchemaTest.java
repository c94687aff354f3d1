package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.syncsim.sweep.SweepFile;

/**
 * The shipped sweep-file schema ({@code syncsim-sweep.schema.json}) is generated from {@link SweepFile}'s records
 * as the scenario schema is from {@link Scenario}'s; rerun with {@code -Dsyncsim.updateSchema=true} after changing
 * them. The example sweeps validate against it.
 */
class SweepSchemaTest {
    static final String RESOURCE = "/syncsim-sweep.schema.json";
    static final Path SOURCE = Path.of("src/main/resources/syncsim-sweep.schema.json");
    static final Path EXAMPLES = Path.of("../examples/sweeps");

    @Test
    void shippedSweepSchemaIsTheOneGeneratedFromTheRecords() throws IOException {
        String generated = ScenarioSchemaTest.generate(SweepFile.class, "SyncSim sweep",
                "A SyncSim sweep file; see docs/sweeps.md.");
        if (Boolean.getBoolean("syncsim.updateSchema")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, ScenarioSchemaTest.shipped(RESOURCE),
                "the shipped sweep schema is stale: rerun this test with -Dsyncsim.updateSchema=true");
    }

    @Test
    void theExampleSweepsValidateAndATypoDoesNot() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(ScenarioSchemaTest.shipped(RESOURCE));
        List<Path> examples;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            examples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(examples.size() >= 2, examples.toString());
        for (Path p : examples) {
            Set<ValidationMessage> errors = schema.validate(ScenarioLoader.yaml().readTree(p.toFile()));
            assertTrue(errors.isEmpty(), () -> p + ": " + errors);
        }
        JsonNode typo = ScenarioLoader.yaml().readTree("""
                scenario: late-joiner
                parameters: [ { key: raid.size, vaules: [10] } ]
                """);
        assertFalse(schema.validate(typo).isEmpty());
        JsonNode badPlan = ScenarioLoader.yaml().readTree("""
                scenario: late-joiner
                parameters: [ { key: raid.size, bounds: [5, 9] } ]
                sample: { plan: sobol, points: 4 }
                """);
        assertFalse(schema.validate(badPlan).isEmpty());
    }
}
