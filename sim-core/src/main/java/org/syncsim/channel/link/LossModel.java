package org.syncsim.channel.link;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/** A loss model chosen by name ({@link #of}): makes one {@link LossProcess} per link from its random stream. */
@FunctionalInterface
public interface LossModel {
    LossProcess process(UniformRandomProvider rng);

    /** Never loses. */
    LossModel NONE = rng -> () -> false;

    /** {@code none | bernoulli | gilbert-elliott}. */
    static LossModel of(LossConfig c) {
        return switch (c.model().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "bernoulli" -> bernoulli(c.p());
            case "gilbert-elliott", "gilbert_elliott", "ge" -> gilbertElliott(c.goodToBad(), c.badToGood(),
                    c.lossInGood(), c.lossInBad());
            default -> throw new IllegalArgumentException("unknown loss model '" + c.model()
                    + "' (expected none, bernoulli or gilbert-elliott)");
        };
    }

    /** Each message is lost independently with probability {@code p}. */
    static LossModel bernoulli(double p) {
        checkProbability("loss.p", p);
        return rng -> () -> rng.nextDouble() < p;
    }

    /**
     * Gilbert-Elliott: a two-state Markov chain per link (Gilbert 1960, Elliott 1963). In state good a message is
     * lost with probability {@code lossInGood}, in state bad with {@code lossInBad}; after each message the chain
     * moves good to bad with probability {@code goodToBad} and bad to good with {@code badToGood}. Starts good.
     * Long-run loss rate: {@code pi_B * lossInBad + (1 - pi_B) * lossInGood} with
     * {@code pi_B = goodToBad / (goodToBad + badToGood)}; with {@code lossInGood = 0, lossInBad = 1} the mean loss
     * burst is {@code 1 / badToGood} messages.
     */
    static LossModel gilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) {
        checkProbability("loss.goodToBad", goodToBad);
        checkProbability("loss.badToGood", badToGood);
        checkProbability("loss.lossInGood", lossInGood);
        checkProbability("loss.lossInBad", lossInBad);
        return rng -> new LossProcess() {
            private boolean bad;

            @Override
            public boolean lose() {
                boolean lost = rng.nextDouble() < (bad ? lossInBad : lossInGood);
                bad = bad ? rng.nextDouble() >= badToGood : rng.nextDouble() < goodToBad;
                return lost;
            }
        };
    }

    private static void checkProbability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + p);
        }
    }
}
