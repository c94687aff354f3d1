package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.syncsim.channel.link.LossConfig;

/**
 * Which deliveries the link loses, chosen by {@code model}; each link draws from its own random stream. Defaults are
 * read from {@link LossConfig}, their one home.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Loss.None.class, name = "none"),
    @JsonSubTypes.Type(value = Loss.Bernoulli.class, name = "bernoulli"),
    @JsonSubTypes.Type(value = Loss.GilbertElliott.class, name = "gilbert-elliott")
})
public sealed interface Loss {
    Loss NONE = new None();

    /** Nothing is lost (the game's TCP relay; the default). */
    record None() implements Loss {
    }

    /** Each delivery is lost independently with probability {@code p}. */
    record Bernoulli(Double p) implements Loss {
        public Bernoulli {
            p = p == null ? LossConfig.DEFAULT_P : p;
        }
    }

    /**
     * Bursty loss: a two-state Markov chain per link, stepped once per delivery (Gilbert 1960, Elliott 1963).
     *
     * @param toBad probability of moving from the good to the bad state (default 0.01)
     * @param toGood probability of moving from the bad to the good state (default 0.25)
     * @param lossGood loss probability in the good state (default 0)
     * @param lossBad loss probability in the bad state (default 0.5)
     */
    record GilbertElliott(Double toBad, Double toGood, Double lossGood, Double lossBad) implements Loss {
        public GilbertElliott {
            toBad = toBad == null ? LossConfig.DEFAULT_GOOD_TO_BAD : toBad;
            toGood = toGood == null ? LossConfig.DEFAULT_BAD_TO_GOOD : toGood;
            lossGood = lossGood == null ? LossConfig.DEFAULT_LOSS_IN_GOOD : lossGood;
            lossBad = lossBad == null ? LossConfig.DEFAULT_LOSS_IN_BAD : lossBad;
        }
    }
}
