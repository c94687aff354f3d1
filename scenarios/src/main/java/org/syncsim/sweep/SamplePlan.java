package org.syncsim.sweep;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * How a sweep samples its parameters that give bounds: {@code points} points, each a value in [0, 1) per sampled
 * parameter, drawn from a Mersenne Twister on {@code seed} (default 1).
 *
 * <ul>
 *   <li>{@code random}: independent uniform draws, point after point, so a longer sample keeps the points of a
 *       shorter one on the same seed.</li>
 *   <li>{@code latin-hypercube}: each parameter's range is cut into {@code points} equal strata, every stratum is
 *       used exactly once, the strata are paired across parameters by independent random permutations, and each
 *       point lies uniformly within its stratum (McKay, Beckman and Conover, <i>Technometrics</i> 21(2), 1979).
 *       Every parameter's whole range is covered with few points, but the design depends on {@code points}: another
 *       count gives other points.</li>
 * </ul>
 *
 * @param plan the plan
 * @param points how many points
 * @param seed the generator's seed
 */
public record SamplePlan(Kind plan, Integer points, Long seed) {
    /** The sampling plans. */
    public enum Kind {
        @JsonProperty("random") RANDOM,
        @JsonProperty("latin-hypercube") LATIN_HYPERCUBE
    }

    public SamplePlan {
        seed = seed == null ? 1L : seed;
    }

    /** {@code points} rows of {@code dimensions} values in [0, 1). */
    public double[][] draw(int dimensions) {
        RandomGenerator rng = new MersenneTwister(seed);
        double[][] u = new double[points][dimensions];
        if (plan == Kind.RANDOM) {
            for (double[] row : u) {
                for (int d = 0; d < dimensions; d++) {
                    row[d] = rng.nextDouble();
                }
            }
            return u;
        }
        for (int d = 0; d < dimensions; d++) {
            int[] strata = permutation(points, rng);
            for (int i = 0; i < points; i++) {
                u[i][d] = (strata[i] + rng.nextDouble()) / points;
            }
        }
        return u;
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    private static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
