package org.syncsim.sweep;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SamplePlanTest {
    @Test
    void aLatinHypercubeUsesEveryStratumOfEveryParameterExactlyOnce() {
        int n = 17;
        double[][] u = new SamplePlan(SamplePlan.Kind.LATIN_HYPERCUBE, n, 5L).draw(3);
        assertEquals(n, u.length);
        for (int d = 0; d < 3; d++) {
            int[] strata = new int[n];
            for (double[] row : u) {
                assertTrue(row[d] >= 0 && row[d] < 1, "in [0, 1): " + row[d]);
                strata[(int) Math.floor(row[d] * n)]++;
            }
            int[] once = new int[n];
            Arrays.fill(once, 1);
            assertArrayEquals(once, strata, "parameter " + d);
        }
    }

    @Test
    void aLatinHypercubePairsStrataDifferentlyAcrossParameters() {
        double[][] u = new SamplePlan(SamplePlan.Kind.LATIN_HYPERCUBE, 20, 5L).draw(2);
        long sameStratum = Arrays.stream(u).filter(r -> (int) (r[0] * 20) == (int) (r[1] * 20)).count();
        assertTrue(sameStratum < 20, "independent permutations, not the diagonal");
    }

    @Test
    void aLongerRandomSampleKeepsTheShorterOnesPoints() {
        double[][] shortOne = new SamplePlan(SamplePlan.Kind.RANDOM, 5, 9L).draw(2);
        double[][] longOne = new SamplePlan(SamplePlan.Kind.RANDOM, 12, 9L).draw(2);
        for (int i = 0; i < 5; i++) {
            assertArrayEquals(shortOne[i], longOne[i]);
        }
    }

    @Test
    void theSameSeedGivesTheSamePointsAndAnotherSeedOthers() {
        SamplePlan a = new SamplePlan(SamplePlan.Kind.LATIN_HYPERCUBE, 8, 3L);
        assertArrayEquals(a.draw(2)[7], a.draw(2)[7]);
        assertNotEquals(Arrays.toString(a.draw(2)[0]),
                Arrays.toString(new SamplePlan(SamplePlan.Kind.LATIN_HYPERCUBE, 8, 4L).draw(2)[0]));
    }
}
