package org.syncsim.tune;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syncsim.scenario.ScenarioDocument;
import org.syncsim.scenario.ScenarioException;
import org.syncsim.scenario.ScenarioLoader;
import org.syncsim.sweep.Parameter;

/**
 * A tune file (format in {@code docs/tuning.md}, schema {@code syncsim-tune.schema.json}): a base scenario, an
 * objective to minimise or maximise with constraints on other metrics, the bounded parameters the tuner may move,
 * where it starts, and how many evaluations it may spend. Read with the scenarios' strict YAML mapper, so a bad
 * field is reported with its file, line and field.
 *
 * @param name names the default results directory ({@code results/<name>}); default the file's name
 * @param description one line shown under the page's title
 * @param scenario a bundled scenario name, or a scenario file relative to the tune file
 * @param set {@code PATH=VALUE} overrides every evaluation applies before the parameters
 * @param replications replications per evaluation (default 5); every evaluation runs the same seeds
 * @param seed master seed of every evaluation (default 1); the optimiser's random numbers and the confirmation's
 *     fresh seed derive from it too
 * @param objective the metric to optimise
 * @param constraints bounds on the mean of other metrics; a candidate breaking one is infeasible
 * @param parameters the parameters the tuner moves, each with {@code bounds} (the sweep's parameter format)
 * @param start per parameter key, where the search starts (a value as after {@code key=}); default the
 *     scenario's own value, else the middle of the bounds
 * @param budget evaluations the optimiser may spend (default 40)
 * @param optimiser CMA-ES settings
 * @param confirmReplications replications of the final confirmation of the best point against the start on fresh
 *     seeds (default: {@code replications})
 */
public record TuneFile(String name, String description, String scenario, List<String> set, Integer replications,
        Long seed, Objective objective, List<Constraint> constraints, List<Parameter> parameters,
        Map<String, String> start, Integer budget, Optimiser optimiser,
        @JsonProperty("confirm-replications") Integer confirmReplications) {

    /** Replications per evaluation without {@code replications:}. */
    public static final int DEFAULT_REPLICATIONS = 5;
    /** Evaluations without {@code budget:}. */
    public static final int DEFAULT_BUDGET = 40;

    public TuneFile {
        set = set == null ? List.of() : List.copyOf(set);
        replications = replications == null ? DEFAULT_REPLICATIONS : replications;
        seed = seed == null ? 1L : seed;
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        start = start == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(start));
        budget = budget == null ? DEFAULT_BUDGET : budget;
        optimiser = optimiser == null ? new Optimiser(null, null) : optimiser;
        confirmReplications = confirmReplications == null ? replications : confirmReplications;
    }

    /** Whether the objective is made small or large. */
    public enum Goal {
        @JsonProperty("minimise") MINIMISE,
        @JsonProperty("maximise") MAXIMISE
    }

    /** What is optimised of the objective's values across replications: their mean. */
    public enum Statistic {
        @JsonProperty("mean") MEAN
    }

    /**
     * What the tuner optimises.
     *
     * @param metric a metric key of {@code summary.json}, e.g. {@code time_to_sync_p95_s}
     * @param goal {@code minimise} (default) or {@code maximise}
     * @param statistic over the replications: {@code mean} (the only one)
     */
    public record Objective(String metric, Goal goal, Statistic statistic) {
        public Objective {
            goal = goal == null ? Goal.MINIMISE : goal;
            statistic = statistic == null ? Statistic.MEAN : statistic;
        }
    }

    /**
     * A bound on the mean of a metric across an evaluation's replications.
     *
     * @param metric a metric key, e.g. {@code server_disconnects}
     * @param max the mean must not exceed this
     * @param min the mean must not fall below this
     */
    public record Constraint(String metric, Double max, Double min) {
    }

    /**
     * CMA-ES settings, over the unit cube of the parameters' bounds.
     *
     * @param population candidates per generation (default 4 + ⌊3 ln d⌋ for d parameters, CMA-ES's own)
     * @param sigma initial step size as a share of every parameter's range (default 0.3)
     */
    public record Optimiser(Integer population, Double sigma) {
        /** The initial step size without {@code sigma:}. */
        public static final double DEFAULT_SIGMA = 0.3;

        public Optimiser {
            sigma = sigma == null ? DEFAULT_SIGMA : sigma;
        }

        /** The population for {@code d} parameters: the file's, else CMA-ES's default 4 + ⌊3 ln d⌋. */
        public int population(int d) {
            return population != null ? population : 4 + (int) Math.floor(3 * Math.log(d));
        }
    }

    /** A tune file with where it came from (for messages, and for a scenario file relative to it). */
    public record Loaded(String source, String text, Path dir, TuneFile tune) implements ScenarioDocument {
    }

    /** Reads a tune file. */
    public static Loaded load(String file) {
        Path p = Path.of(file);
        if (!Files.exists(p)) {
            throw new ScenarioException(file + ": no such tune file");
        }
        String text = ScenarioLoader.readText(p, "tune");
        TuneFile t = ScenarioLoader.readDocument(p.toString(), text, TuneFile.class);
        if (t == null) {
            throw new ScenarioException(file + ": the tune file is empty; see docs/tuning.md for its fields");
        }
        if (t.name() == null) {
            String dflt = p.getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            t = new TuneFile(dflt, t.description(), t.scenario(), t.set(), t.replications(), t.seed(), t.objective(),
                    t.constraints(), t.parameters(), t.start(), t.budget(), t.optimiser(), t.confirmReplications());
        }
        return new Loaded(p.toString(), text, p.toAbsolutePath().getParent(), t);
    }
}
