package org.syncsim.channel.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.syncsim.engine.RandomStreams;

class LossModelTest {
    private static final int MESSAGES = 1_000_000;

    private static UniformRandomProvider rng(String name) {
        return RandomStreams.fresh(20261125L, name);
    }

    @Test
    void gilbertModelLossRateAndMeanBurstMatchClosedForm() {
        double p = 0.02; // good -> bad
        double r = 0.25; // bad -> good
        LossProcess loss = LossModel.gilbertElliott(p, r, 0, 1).process(rng("ge"));
        long lost = 0;
        long bursts = 0;
        boolean previousLost = false;
        for (int i = 0; i < MESSAGES; i++) {
            boolean l = loss.lose();
            if (l) {
                lost++;
                if (!previousLost) {
                    bursts++;
                }
            }
            previousLost = l;
        }
        // Stationary probability of the bad state pi_B = p / (p + r); with loss 0 in good and 1 in bad the loss rate
        // is pi_B, and a burst lasts as long as the chain stays bad: geometric with mean 1 / r.
        double expectedRate = p / (p + r);
        double expectedBurst = 1 / r;
        assertEquals(expectedRate, lost / (double) MESSAGES, 0.03 * expectedRate);
        assertEquals(expectedBurst, lost / (double) bursts, 0.03 * expectedBurst);
    }

    @Test
    void gilbertElliottLossRateWithLossyStatesMatchesClosedForm() {
        double p = 0.05;
        double r = 0.2;
        double kGood = 0.01;
        double kBad = 0.6;
        LossProcess loss = LossModel.gilbertElliott(p, r, kGood, kBad).process(rng("ge2"));
        long lost = 0;
        for (int i = 0; i < MESSAGES; i++) {
            if (loss.lose()) {
                lost++;
            }
        }
        double piBad = p / (p + r);
        double expected = piBad * kBad + (1 - piBad) * kGood;
        assertEquals(expected, lost / (double) MESSAGES, 0.03 * expected);
    }

    @Test
    void bernoulliLosesItsProbability() {
        LossProcess loss = LossModel.bernoulli(0.1).process(rng("b"));
        long lost = 0;
        for (int i = 0; i < MESSAGES; i++) {
            if (loss.lose()) {
                lost++;
            }
        }
        assertEquals(0.1, lost / (double) MESSAGES, 0.002);
    }
}
