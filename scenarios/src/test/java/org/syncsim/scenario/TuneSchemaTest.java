package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.junit.jupiter.api.Test;
import org.syncsim.tune.TuneFile;

/**
 * The shipped tune-file schema ({@code syncsim-tune.schema.json}) is generated from {@link TuneFile}'s records as the
 * scenario schema is; run with {@code -Dsyncsim.updateSchema=true} to rewrite it after changing them. The tuner's
 * parameters take bounds only, so the sweep's other ways of giving values are left out.
 */
class TuneSchemaTest {
    static final String RESOURCE = "/syncsim-tune.schema.json";
    static final Path SOURCE = Path.of("src/main/resources/syncsim-tune.schema.json");

    static String generate() throws IOException {
        String text = ScenarioSchemaTest.generate(TuneFile.class, "SyncSim tune file",
                "A SyncSim tune file (syncsim tune FILE); see docs/tuning.md.");
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        JsonNode schema = json.readTree(text);
        if (schema.path("$defs").path("Parameter").path("properties") instanceof ObjectNode props) {
            props.remove(List.of("values", "range", "log-range"));
            ((ObjectNode) schema.path("$defs").path("Parameter")).putArray("required").add("key").add("bounds");
            ((ObjectNode) props.path("bounds")).put("minItems", 2).put("maxItems", 2);
        }
        ObjectNode defs = (ObjectNode) schema.path("$defs");
        defs.remove(List.of("Range", "LogRange"));
        // start: any parameter key to its value (a time with its unit, or a number)
        ObjectNode start = defs.putObject("Map(String,String)").put("type", "object");
        start.putObject("additionalProperties").putArray("type").add("string").add("number");
        return json.writeValueAsString(schema) + "\n";
    }

    @Test
    void shippedSchemaIsTheOneGeneratedFromTheRecords() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("syncsim.updateSchema")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, ScenarioSchemaTest.shipped(RESOURCE),
                "the shipped tune schema is stale: rerun this test with -Dsyncsim.updateSchema=true");
    }

    @Test
    void theDocumentedExampleValidatesAndATypoDoesNot() throws IOException {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(ScenarioSchemaTest.shipped(RESOURCE));
        JsonNode good = ScenarioLoader.yaml().readTree("""
                scenario: reload-storm-40
                set: [protocol.profile=plan]
                objective: { metric: time_to_sync_p95_s, goal: minimise }
                constraints: [ { metric: server_disconnects, max: 0 } ]
                parameters:
                  - { key: protocol.policies.backoff.base, bounds: [2, 30], unit: s, scale: log }
                start: { protocol.policies.backoff.base: 10s }
                budget: 40
                optimiser: { population: 6, sigma: 0.3 }
                confirm-replications: 10
                """);
        Set<ValidationMessage> errors = schema.validate(good);
        assertTrue(errors.isEmpty(), () -> errors.toString());
        assertFalse(schema.validate(ScenarioLoader.yaml().readTree("scenario: x\nbudjet: 3\n")).isEmpty());
        assertFalse(schema.validate(ScenarioLoader.yaml().readTree(
                "parameters: [ { key: a, values: [1, 2] } ]\n")).isEmpty(), "values are for sweeps");
        assertFalse(schema.validate(ScenarioLoader.yaml().readTree(
                "objective: { metric: sent_bytes, goal: minimize }\n")).isEmpty());
    }
}
