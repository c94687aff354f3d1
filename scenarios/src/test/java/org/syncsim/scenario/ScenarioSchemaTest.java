package org.syncsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shipped JSON Schema ({@code syncsim-scenario.schema.json}) is generated from the records: this test
 * regenerates it and fails if the shipped file differs. Run with {@code -Dsyncsim.updateSchema=true} to
 * rewrite the file after changing the records.
 */
class ScenarioSchemaTest {
    static final String RESOURCE = "/syncsim-scenario.schema.json";
    static final Path SOURCE = Path.of("src/main/resources/syncsim-scenario.schema.json");

    static final String SHEET_RESOURCE = "/syncsim-sheet.schema.json";
    static final Path SHEET_SOURCE = Path.of("src/main/resources/syncsim-sheet.schema.json");

    static String generate() throws IOException {
        return generate(Scenario.class, "SyncSim scenario", "A SyncSim scenario file; see docs/scenarios.md.");
    }

    static String generateSheet() throws IOException {
        return generate(SheetFile.class, "SyncSim sheet",
                "A SyncSim sheet file (an assignment sheet for data.file); see docs/scenarios.md.");
    }

    static String generate(Class<?> root, String title, String description) throws IOException {
        SchemaGeneratorConfigBuilder b = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONPROPERTY))
                .with(Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT)
                .with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
        b.forFields().withPropertyNameOverrideResolver(field -> {
            JsonProperty jp = field.getAnnotationConsideringFieldAndGetter(JsonProperty.class);
            if (jp != null && !jp.value().isEmpty()) {
                return jp.value();
            }
            return PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(field.getDeclaredName());
        });
        b.forTypesInGeneral().withCustomDefinitionProvider((type, ctx) -> {
            Class<?> c = type.getErasedType();
            String pattern = c == Span.class ? Span.PATTERN : c == ClockOffset.class ? ClockOffset.PATTERN
                    : c == StopCondition.class ? StopCondition.PATTERN : null;
            if (pattern == null) {
                return null;
            }
            var node = ctx.getGeneratorConfig().createObjectNode().put("type", "string").put("pattern", pattern);
            return new CustomDefinition(node, CustomDefinition.DefinitionType.STANDARD,
                    CustomDefinition.AttributeInclusion.NO);
        });
        JsonNode schema = new SchemaGenerator(b.build()).generateSchema(root);
        if (schema.has("$defs")) {
            admitTypeProperties(schema.get("$defs"));
        }
        if (schema.path("$defs").path("Raid") instanceof com.fasterxml.jackson.databind.node.ObjectNode raid) {
            boundRaidSize(raid);
        }
        JsonNode protocol = schema.path("$defs").path("ProtocolSpec").path("properties");
        if (protocol instanceof com.fasterxml.jackson.databind.node.ObjectNode p && p.has("policies")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) schema.get("$defs")).remove(
                    p.get("policies").path("$ref").asText().replace("#/$defs/", ""));
            p.set("policies", PolicySchema.policies());
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) schema)
                .put("title", title)
                .put("description", description);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(schema) + "\n";
    }

    /**
     * {@code raid.size} is 1 to {@link Raid#MAX_SIZE}, or to {@link Raid#MAX_STRESS_SIZE} with {@code stress: true}
     * (the validator's rule): a bound on the property, and the game's cap unless {@code stress} is true.
     */
    private static void boundRaidSize(com.fasterxml.jackson.databind.node.ObjectNode raid) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) raid.path("properties").path("size"))
                .put("minimum", 1).put("maximum", Raid.MAX_STRESS_SIZE);
        var stress = raid.putObject("if");
        stress.putObject("properties").putObject("stress").put("const", true);
        stress.putArray("required").add("stress");
        raid.putObject("else").putObject("properties").putObject("size").put("maximum", Raid.MAX_SIZE);
    }

    /**
     * The generator describes a subtype as its plain record schema (closed to unknown fields) plus a wrapper
     * that adds the type property ({@code do:} or {@code model:}); the closed schema must admit that property.
     */
    private static void admitTypeProperties(JsonNode defs) {
        defs.fields().forEachRemaining(def -> {
            JsonNode ref = def.getValue().get("$ref");
            JsonNode props = def.getValue().get("properties");
            if (ref == null || props == null) {
                return;
            }
            var target = (com.fasterxml.jackson.databind.node.ObjectNode) defs.get(
                    ref.asText().substring("#/$defs/".length()));
            var targetProps = target.has("properties") ? (com.fasterxml.jackson.databind.node.ObjectNode)
                    target.get("properties") : target.putObject("properties");
            props.fields().forEachRemaining(p -> {
                if (p.getValue().has("const")) {
                    targetProps.set(p.getKey(), p.getValue());
                }
            });
        });
    }

    static String shipped() throws IOException {
        return shipped(RESOURCE);
    }

    static String shipped(String resource) throws IOException {
        try (InputStream in = ScenarioSchemaTest.class.getResourceAsStream(resource)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shippedSchemaIsTheOneGeneratedFromTheRecords() throws IOException {
        String generated = generate();
        if (Boolean.getBoolean("syncsim.updateSchema")) {
            Files.writeString(SOURCE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, shipped(), "the shipped schema is stale: rerun this test with -Dsyncsim.updateSchema=true");
    }

    @Test
    void shippedSheetSchemaIsTheOneGeneratedFromTheRecords() throws IOException {
        String generated = generateSheet();
        if (Boolean.getBoolean("syncsim.updateSchema")) {
            Files.writeString(SHEET_SOURCE, generated, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(generated, shipped(SHEET_RESOURCE),
                "the shipped sheet schema is stale: rerun this test with -Dsyncsim.updateSchema=true");
    }

    @Test
    void bundledSheetValidatesAgainstTheSheetSchemaAndATypoDoesNot() throws IOException {
        JsonSchema sheetSchema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(shipped(SHEET_RESOURCE));
        JsonNode sheet = ScenarioLoader.yaml().readTree(BundledScenarios.sheetText(BundledScenarios.EXAMPLE_SHEET));
        Set<ValidationMessage> errors = sheetSchema.validate(sheet);
        assertTrue(errors.isEmpty(), () -> errors.toString());
        JsonNode typo = ScenarioLoader.yaml().readTree("sections: [ { name: A, colums: [Tank] } ]\n");
        assertFalse(sheetSchema.validate(typo).isEmpty());
    }

    static JsonSchema schema() throws IOException {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(shipped());
    }

    static List<String> bundled() {
        return BundledScenarios.names();
    }

    @ParameterizedTest
    @MethodSource("bundled")
    void everyBundledScenarioValidatesAgainstTheSchema(String name) throws IOException {
        JsonNode doc = ScenarioLoader.yaml().readTree(BundledScenarios.text(name));
        Set<ValidationMessage> errors = schema().validate(doc);
        assertTrue(errors.isEmpty(), () -> name + ": " + errors);
    }

    @Test
    void theSchemaRejectsAnUnknownFieldAndABadTime() throws IOException {
        JsonNode typo = ScenarioLoader.yaml().readTree("raid: { size: 10 }\nrnu: { seed: 3 }\n");
        assertFalse(schema().validate(typo).isEmpty());
        JsonNode badTime = ScenarioLoader.yaml().readTree("timeline: [ { t: -5s, do: reload, who: A } ]\n");
        assertFalse(schema().validate(badTime).isEmpty());
        JsonNode badAction = ScenarioLoader.yaml().readTree("timeline: [ { t: 5s, do: imprt, who: A } ]\n");
        assertFalse(schema().validate(badAction).isEmpty());
    }

    @Test
    void theSchemaHoldsARaidToOneToFortyMembersOrToTheStressCap() throws IOException {
        JsonSchema schema = schema();
        for (String valid : List.of("raid: { size: 1 }", "raid: { size: 40 }", "raid: { size: 40, stress: false }",
                "raid: { size: 41, stress: true }", "raid: { size: 1000, stress: true }")) {
            Set<ValidationMessage> errors = schema.validate(ScenarioLoader.yaml().readTree(valid + "\n"));
            assertTrue(errors.isEmpty(), () -> valid + ": " + errors);
        }
        for (String invalid : List.of("raid: { size: 0 }", "raid: { size: 41 }", "raid: { size: 41, stress: false }",
                "raid: { size: 0, stress: true }", "raid: { size: 1001, stress: true }")) {
            Set<ValidationMessage> errors = schema.validate(ScenarioLoader.yaml().readTree(invalid + "\n"));
            assertFalse(errors.isEmpty(), invalid + " passed the schema");
            assertTrue(errors.stream().anyMatch(e -> e.getMessage().contains("size")), () -> invalid + ": " + errors);
        }
    }

    @Test
    void everyRecordFieldAppearsInTheSchema() throws IOException, NoSuchFieldException {
        JsonNode schema = new ObjectMapper().readTree(shipped());
        Set<String> properties = new HashSet<>();
        schema.findParents("properties").forEach(p -> p.get("properties").fieldNames().forEachRemaining(properties::add));
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(Scenario.class));
        Set<Class<?>> seen = new HashSet<>();
        int checked = 0;
        while (!todo.isEmpty()) {
            Class<?> c = todo.pop();
            if (!seen.add(c) || !c.getPackageName().equals(Scenario.class.getPackageName())) {
                continue;
            }
            if (c.isSealed() && c != StopCondition.class) {
                todo.addAll(List.of(c.getPermittedSubclasses()));
            }
            if (!c.isRecord() || c == Span.class || c == ClockOffset.class || StopCondition.class.isAssignableFrom(c)) {
                continue;
            }
            for (RecordComponent rc : c.getRecordComponents()) {
                // @JsonProperty does not target record components; javac puts it on the field
                JsonProperty jp = c.getDeclaredField(rc.getName()).getAnnotation(JsonProperty.class);
                String name = jp != null ? jp.value()
                        : PropertyNamingStrategies.KebabCaseStrategy.INSTANCE.translate(rc.getName());
                assertTrue(properties.contains(name), c.getSimpleName() + "." + rc.getName() + " as " + name);
                checked++;
                enqueue(rc.getGenericType(), todo);
            }
        }
        assertTrue(checked > 60, "walked the records: " + checked);
    }

    private static void enqueue(Type t, Deque<Class<?>> todo) {
        if (t instanceof Class<?> c) {
            todo.add(c);
        } else if (t instanceof ParameterizedType p) {
            for (Type a : p.getActualTypeArguments()) {
                enqueue(a, todo);
            }
        }
    }
}
