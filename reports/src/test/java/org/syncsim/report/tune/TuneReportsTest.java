package org.syncsim.report.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncsim.report.stats.MeanCi;

/** {@code tune.json}: keys in snake_case as {@code summary.json}'s, and a number without a value as null, not "NaN". */
class TuneReportsTest {
    private static TuneReport report() {
        MeanCi none = MeanCi.of(new double[0]);
        MeanCi some = MeanCi.of(new double[] {1, 2, 3});
        TuneReport.Point p = new TuneReport.Point("evaluations/a/summary.json", "./syncsim run x",
                Map.of("protocol.policies.backoff.base", "10s"), none, Map.of("waiting_at_end", some), true);
        TuneReport.Evaluation e = new TuneReport.Evaluation(0, 0, "evaluations/a/summary.json",
                Map.of("protocol.policies.backoff.base", "10s"), null, Map.of("waiting_at_end", Double.NaN),
                List.of(), true, 0, null);
        return new TuneReport("t", "d", "t.yaml", "syncsim tune t.yaml", "late-joiner", List.of(), 2, 1,
                new TuneReport.Objective("time_to_sync_p95_s", "time to sync p95", "minimise"),
                List.of("waiting_at_end <= 0"),
                List.of(new TuneReport.ParameterRange("protocol.policies.backoff.base", 1, 30, "log", "s", "scenario")),
                new TuneReport.Optimiser("CMA-ES", 4, 0.3, 10, 1, 1, false, 1), List.of(e), p, p, null,
                "--set protocol.policies.backoff.base=10s", "best.yaml");
    }

    @Test
    void keysAreSnakeCaseAndAMeanWithoutValuesIsNull() throws IOException {
        String text = TuneReports.json(report());
        assertFalse(text.contains("NaN"), text);
        JsonNode t = new ObjectMapper().readTree(text);
        assertEquals("--set protocol.policies.backoff.base=10s", t.path("set_line").asText());
        assertEquals("scenario", t.path("parameters").get(0).path("start_from").asText());
        assertEquals(1, t.path("optimiser").path("optimiser_seed").asLong());
        assertTrue(t.has("best_scenario") && !t.has("setLine") && !t.has("bestScenario"), text);
        assertTrue(t.path("start").path("objective").path("mean").isNull(), text);
        assertTrue(t.path("evaluations").get(0).path("constraints").path("waiting_at_end").isNull(), text);
        assertTrue(t.path("evaluations").get(0).has("best_so_far"), text);
        assertEquals(2.0, t.path("start").path("constraints").path("waiting_at_end").path("mean").asDouble());
    }

    @Test
    void itReadsBackWithNaNWhereADoubleHadNone() throws IOException {
        TuneReport r = TuneReports.parse(TuneReports.json(report()));
        assertTrue(Double.isNaN(r.start().objective().mean()));
        assertEquals(report().start().constraints(), r.start().constraints());
        assertEquals("--set protocol.policies.backoff.base=10s", r.setLine());
        assertEquals(TuneReports.json(report()), TuneReports.json(r), "the same text again");
    }
}
