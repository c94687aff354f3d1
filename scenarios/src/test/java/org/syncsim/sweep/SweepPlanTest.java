package org.syncsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.ScenarioException;

class SweepPlanTest {
    @TempDir
    Path dir;

    private SweepPlan plan(String yaml) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, yaml);
        return SweepPlan.expand(SweepFile.load(f.toString()), List.of(), null, null, StandardWorld.FACTORY);
    }

    private static final String GRID = """
            scenario: plan-lost-requests
            replications: 3
            seed: 11
            common-random-numbers: %s
            parameters:
              - key: protocol.policies.backoff.base
                values: [%s]
              - key: raid.size
                range: { from: 5, to: 7, step: 1 }
            """;

    @Test
    void theGridCrossesEveryValueWithTheFirstParameterOutermost() throws IOException {
        SweepPlan p = plan(GRID.formatted("true", "5s, 10s"));
        assertEquals(6, p.points().size());
        assertEquals(List.of("5s/5", "5s/6", "5s/7", "10s/5", "10s/6", "10s/7"), p.points().stream()
                .map(x -> x.values().get("protocol.policies.backoff.base") + "/" + x.values().get("raid.size"))
                .toList());
        SweepPoint last = p.points().get(5);
        assertEquals(7, last.resolved().roster().size(), "the value reaches the scenario");
        assertEquals(3, last.resolved().scenario().run().replications());
    }

    @Test
    void withCommonRandomNumbersEveryPointRunsTheMasterSeed() throws IOException {
        assertTrue(plan(GRID.formatted("true", "5s, 10s")).points().stream()
                .allMatch(x -> x.resolved().scenario().run().seed() == 11));
    }

    @Test
    void addingValuesChangesNeitherTheOtherPointsIdsNorTheirSeeds() throws IOException {
        for (String crn : List.of("true", "false")) {
            Map<String, SweepPoint> small = byId(plan(GRID.formatted(crn, "5s, 10s")));
            Map<String, SweepPoint> large = byId(plan(GRID.formatted(crn, "2s, 5s, 10s")));
            assertEquals(9, large.size());
            for (SweepPoint x : small.values()) {
                SweepPoint y = large.get(x.id());
                assertEquals(x.values(), y.values(), crn);
                assertEquals(x.resolved().scenario().run().seed(), y.resolved().scenario().run().seed(), crn);
            }
        }
    }

    @Test
    void withoutCommonRandomNumbersEachPointHasItsOwnSeed() throws IOException {
        SweepPlan p = plan(GRID.formatted("false", "5s, 10s"));
        assertEquals(6, p.points().stream().map(x -> x.resolved().scenario().run().seed()).distinct().count());
    }

    @Test
    void sampledParametersAreCrossedWithTheGridAndStayInTheirBounds() throws IOException {
        SweepPlan p = plan("""
                scenario: plan-lost-requests
                parameters:
                  - key: protocol.policies.backoff.kind
                    values: [fixed, exponential]
                  - key: protocol.policies.backoff.max-retries
                    bounds: [1, 9]
                    integer: true
                sample: { plan: latin-hypercube, points: 4, seed: 2 }
                """);
        assertEquals(8, p.points().size() + p.duplicates());
        for (SweepPoint x : p.points()) {
            int n = Integer.parseInt(x.values().get("protocol.policies.backoff.max-retries"));
            assertTrue(n >= 1 && n <= 9, "" + n);
            assertEquals(List.of("protocol.policies.backoff.kind", "protocol.policies.backoff.max-retries"),
                    List.copyOf(x.values().keySet()), "the file's order");
        }
        assertNotEquals(p.points().get(0).id(), p.points().get(1).id());
    }

    @Test
    void aBadFileNamesItsLineAndField() {
        ScenarioException both = assertThrows(ScenarioException.class, () -> plan("""
                scenario: plan-lost-requests
                parameters:
                  - key: raid.size
                    values: [5]
                    range: { from: 5, to: 7, step: 1 }
                """));
        assertTrue(both.getMessage().contains("s.yaml:3") && both.getMessage().contains("exactly one of"),
                both.getMessage());
        ScenarioException unsampled = assertThrows(ScenarioException.class, () -> plan("""
                scenario: plan-lost-requests
                parameters:
                  - key: raid.size
                    bounds: [5, 9]
                """));
        assertTrue(unsampled.getMessage().contains("need \"sample:\""), unsampled.getMessage());
        ScenarioException badValue = assertThrows(ScenarioException.class, () -> plan("""
                scenario: plan-lost-requests
                parameters:
                  - key: raid.size
                    values: [5]
                  - key: protocol.policies.backoff.base
                    values: [soon]
                """));
        assertTrue(badValue.getMessage().contains("s.yaml:5:5: parameters[1]: protocol.policies.backoff.base: expected a time"),
                badValue.getMessage());
        ScenarioException unknownField = assertThrows(ScenarioException.class, () -> plan("""
                scenario: plan-lost-requests
                paramters: []
                """));
        assertTrue(unknownField.getMessage().contains("s.yaml:2"), unknownField.getMessage());
    }

    private static Map<String, SweepPoint> byId(SweepPlan p) {
        return p.points().stream().collect(Collectors.toMap(SweepPoint::id, Function.identity()));
    }
}
