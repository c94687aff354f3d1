package org.syncsim.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.syncsim.metrics.Scalar;

/** The rule that turns an evaluation's metrics into the one fitness CMA-ES ranks. */
class AssessmentTest {
    private static final String P95 = Scalar.TIME_TO_SYNC_P95_S.key();
    private static final String BYTES = Scalar.SENT_BYTES.key();
    private static final String DISCONNECTS = Scalar.SERVER_DISCONNECTS.key();

    private static TuneFile file(TuneFile.Goal goal) {
        return new TuneFile("t", null, "late-joiner", null, 2, 1L, new TuneFile.Objective(P95, goal, null),
                List.of(new TuneFile.Constraint(DISCONNECTS, 0.0, null), new TuneFile.Constraint(BYTES, 1000.0,
                        null)), List.of(), null, null, null, null);
    }

    @Test
    void aFeasibleCandidatesFitnessIsTheObjectivesMeanAndAMaximisedOneIsNegated() {
        Map<String, double[]> m = Map.of(P95, new double[] {2, 4}, BYTES, new double[] {900, 1000},
                DISCONNECTS, new double[] {0, 0});
        Assessment min = Assessment.of(file(TuneFile.Goal.MINIMISE), m);
        assertTrue(min.feasible());
        assertEquals(3, min.fitness());
        assertEquals(-3, Assessment.of(file(TuneFile.Goal.MAXIMISE), m).fitness());
    }

    @Test
    void aCandidateBreakingAConstraintOnTheMeanRanksBehindEveryFeasibleOneAndByHowFar() {
        Map<String, double[]> slightly = Map.of(P95, new double[] {0.1, 0.1}, BYTES, new double[] {1000, 1200},
                DISCONNECTS, new double[] {0, 0});
        Map<String, double[]> badly = Map.of(P95, new double[] {0.1, 0.1}, BYTES, new double[] {1000, 1200},
                DISCONNECTS, new double[] {0, 2});
        Map<String, double[]> slowButFine = Map.of(P95, new double[] {500, 500}, BYTES, new double[] {1000, 1000},
                DISCONNECTS, new double[] {0, 0});
        TuneFile t = file(TuneFile.Goal.MINIMISE);
        Assessment a = Assessment.of(t, slightly);
        Assessment b = Assessment.of(t, badly);
        Assessment ok = Assessment.of(t, slowButFine);
        assertFalse(a.feasible());
        assertEquals(List.of("sent_bytes <= 1000"), a.broken());
        assertEquals(0.1, a.violation(), 1e-12, "mean 1100 is 10 % above 1000");
        assertTrue(ok.fitness() < a.fitness() && a.fitness() < b.fitness());
        assertTrue(ok.feasible(), "a mean exactly at the limit keeps it");
    }

    @Test
    void anObjectiveWithoutAnyValueIsInfeasible() {
        Map<String, double[]> m = Map.of(P95, new double[] {Double.NaN, Double.NaN}, BYTES, new double[] {1, 1},
                DISCONNECTS, new double[] {0, 0});
        Assessment a = Assessment.of(file(TuneFile.Goal.MINIMISE), m);
        assertFalse(a.feasible());
        assertTrue(Double.isNaN(a.objective()));
    }
}
