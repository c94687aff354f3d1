package org.syncsim.report.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.Scalar;

/**
 * The design report's ranking rules ({@link DesignAnalysis#ranking}) on constructed cells: weighted proven gains
 * minus weighted proven losses, savings bought by members never syncing and times over other members not counted,
 * and the documented tie-breaks.
 */
class DesignRankingTest {
    private static final List<Long> SEEDS = List.of(1L, 2L, 3L, 4L, 5L);
    /** The baseline's values of every metric, per seed: varied, so that paired intervals have a width. */
    private static final double[] BASE = {10, 12, 11, 13, 9};
    private static final BaseScenario BASE_SCENARIO = new BaseScenario("late-joiner-10-small-clean", "late-joiner",
            "late joiner", 10, "small", "small", "clean", "clean");

    /** A configuration's cell: every metric as the baseline's, but those given, as factors of the baseline's. */
    private record Config(String id, Map<Scalar, Double> factors) {
    }

    private static DesignAnalysis analysis(Config... configs) {
        List<ConfigInfo> infos = new ArrayList<>();
        List<CellResult> cells = new ArrayList<>();
        infos.add(new ConfigInfo("head", "head", null, null, null, null, List.of()));
        cells.add(cell("head", Map.of()));
        for (Config c : configs) {
            infos.add(new ConfigInfo(c.id(), c.id(), null, null, null, null, List.of()));
            cells.add(cell(c.id(), c.factors()));
        }
        return new DesignAnalysis(new DesignInput("t", "", "test", SEEDS.size(), 1, "head", BASE_SCENARIO.id(), infos,
                List.of(BASE_SCENARIO), cells, Map.of(), "test"));
    }

    /** Every weighted metric at the baseline's values times its factor, plus a per-seed wobble of 1 %. */
    private static CellResult cell(String config, Map<Scalar, Double> factors) {
        Map<String, double[]> m = new HashMap<>();
        for (Scalar s : DesignAnalysis.METRICS) {
            double f = factors.getOrDefault(s, 1.0);
            double[] v = new double[SEEDS.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = BASE[i] * f * (f == 1.0 ? 1 : 1 + 0.01 * (i % 2));
            }
            m.put(s.key(), v);
        }
        String id = BASE_SCENARIO.id() + "--" + config;
        return new CellResult(id, BASE_SCENARIO.id(), config, "cells/" + id + "/summary.json",
                "cells/" + id + "/flaws.json", "./syncsim run late-joiner", SEEDS, m,
                SEEDS.stream().map(s -> List.<FlawFinding>of()).toList());
    }

    private static List<String> order(DesignAnalysis a) {
        return a.ranking().stream().map(r -> r.configuration().id()).toList();
    }

    private static DesignAnalysis.Ranked ranked(DesignAnalysis a, String id) {
        return a.ranking().stream().filter(r -> r.configuration().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void bytesSavedWhileMoreMembersNeverSyncRankBelowASmallGainWithoutLoss() {
        DesignAnalysis a = analysis(new Config("starves", Map.of(Scalar.SENT_BYTES, 0.1, Scalar.WAITING_AT_END, 2.0)),
                new Config("modest", Map.of(Scalar.ABORTED_HANDLERS, 0.9)));
        assertEquals(List.of("modest", "starves"), order(a));
        DesignAnalysis.Ranked starves = ranked(a, "starves");
        assertEquals(List.of(), starves.gains(), "bytes saved by not syncing are no gain");
        assertEquals(-2, starves.score(), "one more member never synced weighs 2");
        assertEquals(1, ranked(a, "modest").score());
    }

    @Test
    void timeToSyncCountsNeitherWayWhereTheConfigurationChangesWhoSyncs() {
        DesignAnalysis a = analysis(new Config("syncs-late", Map.of(Scalar.WAITING_AT_END, 0.2,
                Scalar.TIME_TO_SYNC_P95_S, 6.0)), new Config("slower", Map.of(Scalar.TIME_TO_SYNC_P95_S, 6.0)));
        DesignAnalysis.Ranked late = ranked(a, "syncs-late");
        assertEquals(2, late.score(), "fewer members never synced, and their late waits are no cost");
        assertEquals(List.of(), late.losses());
        assertEquals(-1, ranked(a, "slower").score(), "a slower sync of the same members is a cost");
        assertEquals(Scalar.TIME_TO_SYNC_P95_S.key(), ranked(a, "slower").worst().metric());
    }

    @Test
    void harmsWeighTwiceAndEveryProvenChangeCounts() {
        DesignAnalysis a = analysis(new Config("mixed", Map.of(Scalar.DESYNCED_AT_END, 0.5, Scalar.SENT_BYTES, 0.5,
                Scalar.SERVER_DISCONNECTS, 1.5, Scalar.HITCH_FRAMES, 3.0)));
        DesignAnalysis.Ranked r = ranked(a, "mixed");
        assertEquals(2 + 1 - 1, r.score(), "frame stalls are shown, not ranked");
        assertEquals(Scalar.DESYNCED_AT_END.key(), r.best().metric(), "the heaviest gain leads");
        assertEquals(Scalar.SERVER_DISCONNECTS.key(), r.worst().metric());
    }

    @Test
    void tiesGoToFewerLossesThenToLargerReductionsThenToMatrixOrder() {
        DesignAnalysis a = analysis(new Config("trade", Map.of(Scalar.SENT_BYTES, 0.5, Scalar.TIME_TO_SYNC_P95_S, 1.5)),
                new Config("nothing", Map.of()), new Config("small-cut", Map.of(Scalar.SENT_BYTES, 0.8)),
                new Config("big-cut", Map.of(Scalar.SENT_BYTES, 0.2)), new Config("nothing-too", Map.of()));
        assertEquals(List.of("big-cut", "small-cut", "nothing", "nothing-too", "trade"), order(a));
        assertEquals(0, ranked(a, "trade").score());
        assertEquals(1, ranked(a, "trade").lossWeight());
        assertTrue(ranked(a, "big-cut").gainSize() > ranked(a, "small-cut").gainSize());
    }
}
