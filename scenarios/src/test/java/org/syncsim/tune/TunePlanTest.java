package org.syncsim.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syncsim.run.StandardWorld;
import org.syncsim.scenario.ScenarioException;

/** Reading a tune file: defaults, the start point, and bad input named by file, line and field. */
class TunePlanTest {
    @TempDir
    Path dir;

    private static final String GOOD = """
            scenario: late-joiner
            set: [raid.size=5, protocol.profile=plan, protocol.policies.throttle.kind=ctl]
            objective: { metric: time_to_sync_p95_s }
            constraints:
              - { metric: server_disconnects, max: 0 }
            parameters:
              - { key: protocol.policies.backoff.base, bounds: [2, 30], unit: s }
              - { key: protocol.policies.request-coalescing.jitter-per-member, bounds: [0, 200], unit: ms }
              - { key: protocol.policies.throttle.max-cps, bounds: [200, 3000], integer: true }
            """;

    private TunePlan plan(String text) throws IOException {
        Path f = dir.resolve("tune.yaml");
        Files.writeString(f, text);
        return TunePlan.expand(TuneFile.load(f.toString()), StandardWorld.FACTORY);
    }

    private String problem(String text) {
        return assertThrows(ScenarioException.class, () -> plan(text)).getMessage();
    }

    @Test
    void startsAtTheScenariosOwnValuesReadInTheParametersUnits() throws IOException {
        TunePlan p = plan(GOOD);
        assertEquals((10 - 2) / 28.0, p.start()[0], 1e-12, "backoff base: the recommended kind's 10s");
        assertEquals(50 / 200.0, p.start()[1], 1e-12, "jitter 50ms read in ms");
        assertEquals("scenario", p.startFrom().get("protocol.policies.backoff.base"));
        assertEquals((800 - 200) / 2800.0, p.start()[2], 1e-12, "ctl's default 800 B/s");
        assertEquals(TuneFile.DEFAULT_REPLICATIONS, p.tune().replications());
        assertEquals(TuneFile.DEFAULT_BUDGET, p.tune().budget());
        assertEquals(4 + (int) Math.floor(3 * Math.log(3)), p.tune().optimiser().population(3));
    }

    @Test
    void anExplicitStartWinsAndItsValuesRoundTrip() throws IOException {
        TunePlan p = plan(GOOD + "start: { protocol.policies.backoff.base: 16s }\n");
        assertEquals(0.5, p.start()[0], 1e-12);
        assertEquals("16s", p.values(p.start()).get("protocol.policies.backoff.base"));
        assertEquals("50ms", p.values(p.start()).get("protocol.policies.request-coalescing.jitter-per-member"));
    }

    @Test
    void timesAreRoundedToWholeMicroseconds() throws IOException {
        TunePlan p = plan(GOOD);
        String v = p.values(new double[] {0.0017, 0.231196, 0.5}).get(
                "protocol.policies.request-coalescing.jitter-per-member");
        assertEquals("46.24ms", v, "Parameter.SIGNIFICANT digits, and never finer than a microsecond");
    }

    @Test
    void badInputIsNamedByFileLineAndField() {
        String m = problem(GOOD.replace("time_to_sync_p95_s", "time_to_sync_p59_s"));
        assertTrue(m.contains("tune.yaml:3") && m.contains("time_to_sync_p95_s"), m);
        m = problem(GOOD.replace("bounds: [2, 30], ", ""));
        assertTrue(m.contains("tune.yaml:7") && m.contains("bounds"), m);
        m = problem(GOOD.replace("bounds: [2, 30]", "bounds: [30, 2]"));
        assertTrue(m.contains("tune.yaml:7") && m.contains("low < high"), m);
        m = problem(GOOD + "budget: 0\n");
        assertTrue(m.contains("tune.yaml:10") && m.contains("budget"), m);
        m = problem(GOOD + "start: { protocol.policies.backoff.base: 60s }\n");
        assertTrue(m.contains("tune.yaml:10") && m.contains("outside the bounds"), m);
        m = problem(GOOD + "optimiser: { sigma: 3 }\n");
        assertTrue(m.contains("tune.yaml:10") && m.contains("sigma"), m);
        m = problem(GOOD.replace("objective:", "objectiv:"));
        assertTrue(m.contains("tune.yaml:3") && m.contains("objectiv"), m);
        m = problem(GOOD.replace("protocol.policies.backoff.base", "protocol.policies.backof.base"));
        assertTrue(m.contains("tune.yaml:7") && m.contains("backof"), m);
        assertFalse(m.contains("(with --set)"), "the scenario's name adds nothing to the tune file's line: " + m);
        m = problem(GOOD.replace("max: 0", "max: 0, min: 1"));
        assertTrue(m.contains("tune.yaml:5") && m.contains("min"), m);
    }
}
