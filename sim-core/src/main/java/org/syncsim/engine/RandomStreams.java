package org.syncsim.engine;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Named, independent random streams derived from one master seed. A stream's seed depends only on the master
 * seed and the stream's name (for example {@code client/Alice/lua-random} or {@code channel/link/3/loss}), so
 * adding a client, or drawing more numbers in one place, never changes what any other stream draws.
 *
 * <p>Generator: XoRoShiRo128++ from Apache Commons RNG (fast, 128-bit state, passes BigCrush). The 128-bit
 * seed is two rounds of the SplitMix64 finaliser over the master seed and the UTF-8 bytes of the name.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final Map<String, UniformRandomProvider> streams = new HashMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    public long masterSeed() {
        return masterSeed;
    }

    /** The stream with this name; asking twice returns the same generator (it continues, not restarts). */
    public UniformRandomProvider stream(String name) {
        return streams.computeIfAbsent(name, n -> RandomSource.XO_RO_SHI_RO_128_PP.create(seedFor(masterSeed, n)));
    }

    /** A fresh generator for {@code name}, independent of this object's memo (for one-off derivations). */
    public static UniformRandomProvider fresh(long masterSeed, String name) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(seedFor(masterSeed, name));
    }

    /** The 128-bit seed of stream {@code name} under {@code masterSeed}. */
    static long[] seedFor(long masterSeed, String name) {
        long h = mix(masterSeed ^ 0x9E3779B97F4A7C15L);
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFFL));
        }
        long a = mix(h + 0x9E3779B97F4A7C15L);
        long b = mix(a + 0x9E3779B97F4A7C15L);
        if (a == 0 && b == 0) {
            b = 1; // the all-zero state is the generator's one forbidden state
        }
        return new long[] {a, b};
    }

    /** SplitMix64's output function (Stafford variant 13): a bijective 64-bit mixer. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A per-replication master seed: replication {@code r} of a run seeded {@code seed}. */
    public static long replicationSeed(long seed, int replication) {
        return mix(seed + 0x9E3779B97F4A7C15L * (replication + 1L));
    }

}
