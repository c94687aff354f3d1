package org.syncsim.channel.link;

import java.util.List;

/**
 * Loss on the links from the server to each recipient, and scheduled outages. The spec names the models but no
 * rates (addon-channel.md: loss "in practice" comes from presence, modelled separately), so the default is
 * {@code none}; the Gilbert-Elliott defaults are illustrative (1 % chance of entering a burst, mean burst 2).
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
    public LossConfig {
        outages = List.copyOf(outages);
    }

    public static LossConfig none() {
        return new LossConfig("none", 0.01, 0.01, 0.5, 0, 1, List.of());
    }

    public static LossConfig bernoulli(double p) {
        return new LossConfig("bernoulli", p, 0.01, 0.5, 0, 1, List.of());
    }

    public static LossConfig gilbertElliott(double goodToBad, double badToGood, double lossInGood, double lossInBad) {
        return new LossConfig("gilbert-elliott", 0.01, goodToBad, badToGood, lossInGood, lossInBad, List.of());
    }

    public LossConfig withOutages(List<Outage> newOutages) {
        return new LossConfig(model, p, goodToBad, badToGood, lossInGood, lossInBad, newOutages);
    }
}
