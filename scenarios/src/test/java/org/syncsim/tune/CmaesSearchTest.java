package org.syncsim.tune;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.syncsim.sweep.Parameter;

/** The optimiser core on functions with a known optimum, without any simulation. */
class CmaesSearchTest {
    /** Backoff base 1..30 s (linear) and multiplier 1..4 (log), as a tune file would give them. */
    private static final List<Parameter> PARAMS = List.of(
            new Parameter("protocol.policies.backoff.base", null, null, null, List.of(1.0, 30.0), null, null, "s"),
            new Parameter("protocol.policies.backoff.multiplier", null, null, null, List.of(1.0, 4.0),
                    Parameter.Scale.LOG, null, null));
    private static final double BASE = 7;
    private static final double MULTIPLIER = 2.5;

    /** A bowl over the parameters' values (read back from their formatted text) with its minimum at (7 s, 2.5). */
    private static double bowl(double[] u) {
        double base = org.syncsim.report.sweep.Values.numeric(PARAMS.get(0).at(u[0]));
        double mult = org.syncsim.report.sweep.Values.numeric(PARAMS.get(1).at(u[1]));
        return Math.pow((base - BASE) / 29, 2) + Math.pow(Math.log(mult / MULTIPLIER), 2);
    }

    /** The bowl plus noise that depends on the point alone, as a simulation on fixed seeds does. */
    private static double noisyBowl(double[] u) {
        long h = Double.doubleToLongBits(u[0]) * 31 + Double.doubleToLongBits(u[1]);
        return bowl(u) + 0.002 * new SplittableRandom(h).nextGaussian();
    }

    private static CmaesSearch.Settings settings(int budget, long seed) {
        return new CmaesSearch.Settings(new double[] {0.9, 0.1}, 0.3, 6, budget, seed);
    }

    @Test
    void findsTheMinimumOfABowlOverParameters() {
        CmaesSearch.Result r = CmaesSearch.run(settings(300, 5), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::bowl).toArray());
        Map<String, String> best = values(r.best().point());
        assertEquals(BASE, org.syncsim.report.sweep.Values.numeric(best.get(PARAMS.get(0).key())), 0.3, best.toString());
        assertEquals(MULTIPLIER, org.syncsim.report.sweep.Values.numeric(best.get(PARAMS.get(1).key())), 0.1, best.toString());
        assertTrue(r.best().fitness() < 1e-3, "fitness " + r.best().fitness());
    }

    @Test
    void findsTheMinimumOfANoisyBowlWithinTheNoise() {
        CmaesSearch.Result r = CmaesSearch.run(settings(200, 11), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        Map<String, String> best = values(r.best().point());
        assertEquals(BASE, org.syncsim.report.sweep.Values.numeric(best.get(PARAMS.get(0).key())), 2.0, best.toString());
        assertEquals(MULTIPLIER, org.syncsim.report.sweep.Values.numeric(best.get(PARAMS.get(1).key())), 0.4, best.toString());
        assertTrue(bowl(r.best().point()) < bowl(new double[] {0.9, 0.1}) / 20, "far better than the start");
    }

    @Test
    void spendsTheBudgetExactlyStartingAtTheStartPointOneGenerationPerBatch() {
        List<Integer> batchSizes = new ArrayList<>();
        CmaesSearch.Result r = CmaesSearch.run(settings(20, 5), pts -> {
            batchSizes.add(pts.size());
            return pts.stream().mapToDouble(CmaesSearchTest::bowl).toArray();
        });
        assertEquals(20, r.steps().size());
        assertArrayEquals(new double[] {0.9, 0.1}, r.steps().get(0).point());
        assertEquals(List.of(1, 6, 6, 6, 1), batchSizes, "the start alone, then one generation per batch, the"
                + " budget cutting the last");
        for (CmaesSearch.Step s : r.steps()) {
            assertEquals(CmaesSearch.generation(s.index(), 6), s.generation());
            for (double x : s.point()) {
                assertTrue(x >= 0 && x <= 1, "inside the unit cube: " + x);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePathAndAnotherSeedAnother() {
        CmaesSearch.Result a = CmaesSearch.run(settings(25, 5), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        CmaesSearch.Result b = CmaesSearch.run(settings(25, 5), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        CmaesSearch.Result c = CmaesSearch.run(settings(25, 6), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        for (int i = 0; i < a.steps().size(); i++) {
            assertArrayEquals(a.steps().get(i).point(), b.steps().get(i).point());
        }
        assertTrue(!java.util.Arrays.equals(a.steps().get(1).point(), c.steps().get(1).point()));
    }

    @Test
    void aLargerBudgetReplaysTheSmallerOnesPathFirst() {
        CmaesSearch.Result small = CmaesSearch.run(settings(13, 5), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        CmaesSearch.Result large = CmaesSearch.run(settings(40, 5), pts -> pts.stream()
                .mapToDouble(CmaesSearchTest::noisyBowl).toArray());
        for (int i = 0; i < small.steps().size(); i++) {
            assertArrayEquals(small.steps().get(i).point(), large.steps().get(i).point());
        }
    }

    private static Map<String, String> values(double[] u) {
        Map<String, String> v = new java.util.LinkedHashMap<>();
        for (int i = 0; i < u.length; i++) {
            v.put(PARAMS.get(i).key(), PARAMS.get(i).at(u[i]));
        }
        return v;
    }
}
