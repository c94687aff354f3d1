package org.syncsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    private static long[] draw(UniformRandomProvider rng, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextLong();
        }
        return out;
    }

    @Test
    void creatingAnExtraStreamDoesNotChangeAnotherStreamsDraws() {
        long[] alone = draw(new RandomStreams(99).stream("client/Alice/jitter"), 100);

        RandomStreams crowded = new RandomStreams(99);
        crowded.stream("client/Bob/jitter");
        crowded.stream("link/Alice->raid/loss");
        assertArrayEquals(alone, draw(crowded.stream("client/Alice/jitter"), 100));
    }

    @Test
    void drawingFromAnotherStreamInBetweenDoesNotChangeAStreamsDraws() {
        long[] alone = draw(new RandomStreams(99).stream("client/Alice/jitter"), 100);

        RandomStreams streams = new RandomStreams(99);
        UniformRandomProvider alice = streams.stream("client/Alice/jitter");
        UniformRandomProvider loss = streams.stream("link/Alice->raid/loss");
        long[] interleaved = new long[100];
        for (int i = 0; i < 100; i++) {
            draw(loss, i % 3);
            interleaved[i] = alice.nextLong();
        }
        assertArrayEquals(alone, interleaved);
    }

    @Test
    void differentNamesGiveDifferentSequences() {
        RandomStreams streams = new RandomStreams(99);
        long[] a = draw(streams.stream("client/Alice/jitter"), 20);
        long[] b = draw(streams.stream("client/Bob/jitter"), 20);
        long[] c = draw(streams.stream("client/Alice/jitte"), 20);
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void differentMasterSeedsGiveDifferentSequencesForTheSameName() {
        assertFalse(Arrays.equals(draw(new RandomStreams(1).stream("x"), 20),
                draw(new RandomStreams(2).stream("x"), 20)));
    }

    @Test
    void askingForAStreamTwiceContinuesTheSameGenerator() {
        RandomStreams streams = new RandomStreams(5);
        UniformRandomProvider first = streams.stream("s");
        long[] start = draw(first, 3);
        assertSame(first, streams.stream("s"));
        long[] reference = draw(RandomStreams.fresh(5, "s"), 6);
        assertArrayEquals(Arrays.copyOfRange(reference, 0, 3), start);
        assertArrayEquals(Arrays.copyOfRange(reference, 3, 6), draw(streams.stream("s"), 3));
    }

    @Test
    void replicationSeedsDifferPerReplicationAndAreReproducible() {
        long r0 = RandomStreams.replicationSeed(42, 0);
        long r1 = RandomStreams.replicationSeed(42, 1);
        assertNotEquals(r0, r1);
        assertNotEquals(42, r0);
        assertNotEquals(r0, RandomStreams.replicationSeed(43, 0));
        assertEquals(r1, RandomStreams.replicationSeed(42, 1));
    }

    private static void assertEquals(long expected, long actual) {
        org.junit.jupiter.api.Assertions.assertEquals(expected, actual);
    }
}
