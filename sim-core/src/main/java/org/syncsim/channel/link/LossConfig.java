package org.syncsim.channel.link;

import java.util.List;

/**
 * Loss on the links from the server to each recipient, and scheduled outages. The spec names the models but no
 * rates (addon-channel.md: loss "in practice" comes from presence, modelled separately), so the default is
 * {@code none}; the other models' defaults are illustrative (Bernoulli 1 %; Gilbert-Elliott: 1 % chance of entering a
 * bad state, a quarter of leaving it, half the messages lost in it). These constants are their one home: the scenario
 * records ({@code channel.loss}) read them and docs tables are checked against them.
 *
 * @param model {@code none | bernoulli | gilbert-elliott}
 * @param p loss probability of {@code bernoulli}
 * @param goodToBad Gilbert-Elliott transition probability good to bad, per message
 * @param badToGood Gilbert-Elliott transition probability bad to good, per message
 * @param lossInGood loss probability in the good state
 * @param lossInBad loss probability in the bad state
 * @param outages scheduled outages
 */
public record LossConfig(String model, double p, double goodToBad, double badToGood, double lossInGood,
        double lossInBad, List<Outage> outages) {
    /** Bernoulli loss probability when none is given. */
    public static final double DEFAULT_P = 0.01;
    /** Gilbert-Elliott: probability per message of moving from the good to the bad state. */
    public static final double DEFAULT_GOOD_TO_BAD = 0.01;
    /** Gilbert-Elliott: probability per message of moving from the bad to the good state (mean stay 4 messages). */
    public static final double DEFAULT_BAD_TO_GOOD = 0.25;
    /** Gilbert-Elliott: loss probability in the good state. */
    public static final double DEFAULT_LOSS_IN_GOOD = 0;
    /** Gilbert-Elliott: loss probability in the bad state. */
    public static final double DEFAULT_LOSS_IN_BAD = 0.5;

    public LossConfig {
        outages = List.copyOf(outages);
    }

    public static LossConfig none() {
        return new LossConfig("none", DEFAULT_P, DEFAULT_GOOD_TO_BAD, DEFAULT_BAD_TO_GOOD, DEFAULT_LOSS_IN_GOOD,
                DEFAULT_LOSS_IN_BAD, List.of());
    }

    public static LossConfig bernoulli(double p) {
        return new LossConfig("bernoulli", p, DEFAULT_GOOD_TO_BAD, DEFAULT_BAD_TO_GOOD, DEFAULT_LOSS_IN_GOOD,
                DEFAULT_LOSS_IN_BAD, List.of());
    }

    public static LossConfig gilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) {
        return new LossConfig("gilbert-elliott", DEFAULT_P, goodToBad, badToGood, lossInGood, lossInBad, List.of());
    }

    public LossConfig withOutages(List<Outage> newOutages) {
        return new LossConfig(model, p, goodToBad, badToGood, lossInGood, lossInBad, newOutages);
    }
}
