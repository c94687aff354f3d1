package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.syncsim.protocol.client.FixedChoices;
import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.data.codec.LuaVersion;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;

/** {@code protocol.choices}: the addon's unspecified behaviour, fixed by default and open to change. */
class FixedChoicesTest {
    /** A fresh joiner in a synced 12-member raid: every synced member schedules a push 2.0-2.5 s later (U). */
    private static LoadedScenario joiner(String choices) {
        return ScenarioLoader.load("choices.yaml", """
                raid:
                  size: 12
                  members: [ { name: Leader, role: leader }, { name: Newbie, start: solo, data: none } ]
                channel: { server: { on-exceed: none }, latency: { model: fixed, delay: 80ms } }
                protocol: { choices: %s }
                timeline: [ { t: 10s, do: join, who: Newbie } ]
                run: { until: all-synced }
                """.formatted(choices), "choices");
    }

    /** When each member first sent a BSEC or CHUNKED (the start of its push), in seconds. */
    private static Map<String, Double> pushStarts(LoadedScenario s) {
        Map<String, Double> first = new TreeMap<>();
        new ReplicationRunner(StandardWorld.FACTORY).run(s, 0, (time, kind, details) -> {
            if (kind.equals("send") && (details.contains(" BSEC ") || details.contains(" CHUNKED "))) {
                first.putIfAbsent(details.split(" ")[1], time / 1e6);
            }
        });
        return first;
    }

    private static double spread(Map<String, Double> times) {
        return times.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - times.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertEquals(FixedChoices.DEFAULTS, StandardWorld.fixedChoices(joiner("{}").scenario().protocol().choices()));
        assertEquals(new FixedChoices(false, FixedChoices.ChunkOrder.DESCENDING, AddonTimers.Order.REVERSED,
                FixedChoices.LuaRandom.SHARED, LuaVersion.LUA_5_1), StandardWorld.fixedChoices(joiner(
                        "{ roster-event-on-login: false, chunk-order: descending, timer-order: reversed,"
                        + " lua-random: shared, lua: '5.1' }")
                        .scenario().protocol().choices()));
        assertEquals(FixedChoices.ChunkOrder.LUA_PAIRS, StandardWorld.fixedChoices(
                joiner("{ chunk-order: lua-pairs }").scenario().protocol().choices()).chunkOrder());
    }

    @Test
    void luaTakesTheVersionQuotedOrBareAndNamesTheChoicesOtherwise() {
        assertEquals(LuaVersion.LUA_5_1, StandardWorld.fixedChoices(joiner("{ lua: 5.1 }").scenario().protocol()
                .choices()).lua());
        assertEquals(LuaVersion.LUA_5_0, StandardWorld.fixedChoices(joiner("{ lua: '5.0' }").scenario().protocol()
                .choices()).lua());
        ScenarioException e = assertThrows(ScenarioException.class, () -> joiner("{ lua: 5.2 }"));
        assertTrue(e.getMessage().contains("choices.yaml:5:") && e.getMessage().contains(
                "protocol.choices.lua: expected one of 5.0, 5.1, got 5.2"), e.getMessage());
    }

    @Test
    void sharedLuaRandomMakesEveryResponderDrawTheSameDelay() {
        Map<String, Double> independent = pushStarts(joiner("{}"));
        Map<String, Double> shared = pushStarts(joiner("{ lua-random: shared }"));
        assertEquals(11, independent.size(), "the 11 synced members push");
        assertEquals(11, shared.size());
        // the same BSREQ arrives everywhere at once (fixed latency): the pushes differ only by the 2 + 0.5 U
        // delay, quantised to each member's frames (60 fps, 16.7 ms)
        assertTrue(spread(independent) > 0.1, "independent draws spread the pushes: " + spread(independent));
        assertTrue(spread(shared) < 0.02, "one shared draw puts them in the same frame or the next: "
                + spread(shared));
    }
}
