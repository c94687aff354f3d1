package org.syncsim.bench;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.syncsim.engine.RandomStreams;

/**
 * The hold model's delays, shared by every contender: Exp(mean 1 s) in whole microseconds, drawn once from a
 * fixed seed into a table that the benchmarks cycle through, so that the random-number generator costs
 * nothing inside the measured loop and every contender sees exactly the same delays.
 */
final class HoldDelays {
    static final int SIZE = 1 << 14;
    static final int MASK = SIZE - 1;
    static final long MEAN_MICROS = 1_000_000L;

    /** Delays in microseconds, for SyncSim. */
    static final long[] MICROS = new long[SIZE];
    /** The same delays as doubles (still microseconds), for SSJ and the bare heap. */
    static final double[] MICROS_AS_DOUBLE = new double[SIZE];

    static {
        ZigguratSampler.Exponential exp = ZigguratSampler.Exponential.of(
                RandomStreams.fresh(20_260_101L, "bench/hold/delays"), MEAN_MICROS);
        for (int i = 0; i < SIZE; i++) {
            MICROS[i] = Math.round(exp.sample());
            MICROS_AS_DOUBLE[i] = MICROS[i];
        }
    }

    private HoldDelays() {
    }
}
