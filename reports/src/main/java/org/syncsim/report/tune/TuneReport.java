package org.syncsim.report.tune;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.syncsim.report.stats.MeanCi;

/**
 * Everything {@code syncsim tune} found, as {@code tune.json} holds it and {@code tune.html} shows it: the search
 * (every evaluation in the order the optimiser asked for it), the start and best points with their intervals on the
 * search's seeds, and the confirmation of the best point against the start on fresh seeds. Every number comes
 * from a results file named beside it.
 *
 * @param title the page's title
 * @param description the tune file's description
 * @param source the tune file
 * @param command the command that wrote it
 * @param scenario the base scenario (bundled name or file)
 * @param set the file's overrides, applied before the parameters
 * @param replications replications per evaluation
 * @param seed the search's master seed (every evaluation runs it)
 * @param objective what was optimised
 * @param constraints the constraints, as {@code metric <= max} / {@code metric >= min}
 * @param parameters the parameters with their bounds and where their start came from
 * @param optimiser the optimiser's settings and how much of the budget it spent
 * @param evaluations every evaluation, in order
 * @param start the start point on the search's seeds
 * @param best the best point on the search's seeds: the feasible one with the best objective mean (the earliest of
 *     equals); if none is feasible, the one breaking the constraints least
 * @param confirmation best against start on fresh seeds
 * @param setLine the best point as {@code --set} options for {@code syncsim run}
 * @param bestScenario the file the best point was written to as a scenario
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TuneReport(String title, String description, String source, String command, String scenario,
        List<String> set, int replications, long seed, Objective objective, List<String> constraints,
        List<ParameterRange> parameters, Optimiser optimiser, List<Evaluation> evaluations, Point start, Point best,
        Confirmation confirmation, String setLine, String bestScenario) {

    public TuneReport {
        set = List.copyOf(set);
        constraints = List.copyOf(constraints);
        parameters = List.copyOf(parameters);
        evaluations = List.copyOf(evaluations);
    }

    /**
     * @param metric the metric key
     * @param label the metric in words
     * @param goal {@code minimise} or {@code maximise}
     */
    public record Objective(String metric, String label, String goal) {
        /** Whether smaller is better. */
        public boolean minimise() {
            return "minimise".equals(goal);
        }
    }

    /**
     * @param key the {@code --set} path
     * @param low the low bound
     * @param high the high bound
     * @param scale {@code linear} or {@code log}
     * @param unit appended to values
     * @param startFrom where the start value came from: {@code start}, {@code scenario} or {@code middle}
     */
    public record ParameterRange(String key, double low, double high, String scale, String unit, String startFrom) {
    }

    /**
     * @param algorithm the optimiser
     * @param population candidates per generation
     * @param sigma initial step size (share of every range)
     * @param budget evaluations allowed
     * @param spent evaluations made
     * @param simulated distinct points simulated for the search (a point asked for twice runs once)
     * @param converged whether the optimiser stopped on its own before spending the budget
     * @param optimiserSeed the seed of the optimiser's random numbers
     */
    public record Optimiser(String algorithm, int population, double sigma, int budget, int spent, int simulated,
            boolean converged, long optimiserSeed) {
    }

    /**
     * One evaluation the optimiser asked for.
     *
     * @param index 0 (the start point), 1, 2, ...
     * @param generation 0 for the start point, then one per population
     * @param file the results file (shared by every evaluation of the same point)
     * @param values the parameters' values
     * @param objective the objective's mean (null when no replication has a value)
     * @param constraints each constraint's metric mean
     * @param broken the constraints broken
     * @param feasible whether none is broken
     * @param fitness what the optimiser minimised (see docs/tuning.md)
     * @param bestSoFar the best feasible objective mean up to and including this evaluation (null before any)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Evaluation(int index, int generation, String file, Map<String, String> values, Double objective,
            Map<String, Double> constraints, List<String> broken, boolean feasible, double fitness,
            Double bestSoFar) {
    }

    /**
     * A point with its intervals.
     *
     * @param file its results file
     * @param command the command that reproduces it
     * @param values the parameters' values
     * @param objective the objective's mean with its bootstrap 95 % interval
     * @param constraints each constraint's metric mean with its interval
     * @param feasible whether the means keep every constraint
     */
    public record Point(String file, String command, Map<String, String> values, MeanCi objective,
            Map<String, MeanCi> constraints, boolean feasible) {
    }

    /**
     * The best point against the start on fresh seeds.
     *
     * @param seed the fresh master seed
     * @param replications its replications
     * @param start the start point there
     * @param best the best point there
     * @param difference per seed, best minus start of the objective: mean and paired 95 % interval (Student's t)
     * @param better whether the interval shows the best point better (wholly below 0 when minimising, above when
     *     maximising)
     */
    public record Confirmation(long seed, int replications, Point start, Point best, MeanCi difference,
            boolean better) {
    }
}
