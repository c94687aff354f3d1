package org.syncsim.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Commons Math's {@link CMAESOptimizer} over the unit cube, minimising a fitness that is costly to evaluate, with
 * each generation's candidates evaluated together (so that a batch of simulations keeps every thread busy) and
 * every fitness value remembered, so the same search can be replayed without evaluating anything again.
 *
 * <p>The optimiser asks for one fitness value at a time, but a generation's candidates are drawn before, and
 * independently of, that generation's values (the first call is the start point, then {@code population} calls per
 * generation). So the search is run as a <b>replay</b>: from the start, with the values known so far, answering
 * each call from them; the first unknown call and the rest of its generation get a placeholder and are collected,
 * the replay is abandoned before the next generation, the collected points are evaluated as one batch, and the
 * replay starts again. Only a replay that asks for nothing unknown is the search; its decisions rest on real values
 * alone, so the path is the same whatever the batch sizes and however the values were obtained (evaluated now, or
 * read back from an interrupted run's files).
 *
 * <p>Deterministic: the optimiser's random numbers come from a Mersenne Twister seeded with {@link Settings#seed}.
 */
public final class CmaesSearch {
    private CmaesSearch() {
    }

    /**
     * How the search runs.
     *
     * @param start the start point, in [0, 1] per dimension
     * @param sigma initial step size per dimension (a share of the unit range)
     * @param population candidates per generation (λ)
     * @param budget most fitness evaluations (the start point counts as one)
     * @param seed the optimiser's random seed
     */
    public record Settings(double[] start, double sigma, int population, int budget, long seed) {
        public Settings {
            start = start.clone();
        }
    }

    /** Evaluates points of the unit cube: one fitness per point, in order; lower is better. */
    @FunctionalInterface
    public interface Batch {
        double[] evaluate(List<double[]> points);
    }

    /**
     * One fitness evaluation the optimiser asked for, in the order it asked.
     *
     * @param index 0 for the start point, then 1, 2, ...
     * @param generation 0 for the start point, then 1, 2, ... ({@code population} evaluations each)
     * @param point the point asked for, in the unit cube (already repaired into the bounds)
     * @param fitness its value
     */
    public record Step(int index, int generation, double[] point, double fitness) {
    }

    /**
     * The search's outcome.
     *
     * @param steps every evaluation in order
     * @param batches how many batches were handed to {@link Batch#evaluate} (0 when everything was known)
     * @param converged whether CMA-ES stopped on its own criteria before spending the budget
     */
    public record Result(List<Step> steps, int batches, boolean converged) {
        /** The step with the lowest fitness, the earliest of equals. */
        public Step best() {
            Step b = null;
            for (Step s : steps) {
                if (b == null || s.fitness() < b.fitness()) {
                    b = s;
                }
            }
            return b;
        }
    }

    /** The generation of the {@code index}-th evaluation: the start point alone, then {@code population} each. */
    static int generation(int index, int population) {
        return index == 0 ? 0 : 1 + (index - 1) / population;
    }

    /** Runs the search, evaluating whatever is not known yet in batches of one generation at most. */
    public static Result run(Settings s, Batch batch) {
        List<double[]> points = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        int batches = 0;
        while (true) {
            Replay r = new Replay(s, points, known);
            boolean converged = r.run();
            if (r.pending.isEmpty()) {
                List<Step> steps = new ArrayList<>();
                for (int i = 0; i < r.calls; i++) {
                    steps.add(new Step(i, generation(i, s.population()), points.get(i).clone(), known.get(i)));
                }
                return new Result(steps, batches, converged && r.calls < s.budget());
            }
            double[] values = batch.evaluate(r.pending.stream().map(double[]::clone).toList());
            if (values.length != r.pending.size()) {
                throw new IllegalStateException("a batch of " + r.pending.size() + " gave " + values.length
                        + " values");
            }
            batches++;
            for (int i = 0; i < values.length; i++) {
                points.add(r.pending.get(i));
                known.add(values[i]);
            }
        }
    }

    /** One replay of the search from the start, answering from the values known. */
    private static final class Replay {
        private final Settings s;
        private final List<double[]> points;
        private final List<Double> known;
        final List<double[]> pending = new ArrayList<>();
        int calls;

        Replay(Settings s, List<double[]> points, List<Double> known) {
            this.s = s;
            this.points = points;
            this.known = known;
        }

        /** Whether the optimiser returned (budget spent or converged), rather than stopping for unknown values. */
        boolean run() {
            int d = s.start().length;
            double[] lo = new double[d];
            double[] hi = new double[d];
            double[] sigma = new double[d];
            Arrays.fill(hi, 1);
            Arrays.fill(sigma, s.sigma());
            // stopFitness -inf: no fitness is ever good enough to stop early; no convergence checker
            CMAESOptimizer o = new CMAESOptimizer(Integer.MAX_VALUE, Double.NEGATIVE_INFINITY, true, 0, 0,
                    new MersenneTwister(s.seed()), false, null);
            try {
                o.optimize(new MaxEval(s.budget()), MaxIter.unlimited(), new ObjectiveFunction(this::value),
                        GoalType.MINIMIZE, new InitialGuess(s.start()), new SimpleBounds(lo, hi),
                        new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(s.population()));
            } catch (Unknown e) {
                return false;
            }
            return true;
        }

        private double value(double[] x) {
            int i = calls;
            if (!pending.isEmpty() && generation(i, s.population()) != generation(points.size(), s.population())) {
                throw new Unknown(); // the next generation would depend on the placeholders
            }
            calls++;
            if (i < known.size()) {
                if (!Arrays.equals(points.get(i), x)) {
                    throw new IllegalStateException("the replay asked for another point at evaluation " + i + ": "
                            + Arrays.toString(x) + " instead of " + Arrays.toString(points.get(i)));
                }
                return known.get(i);
            }
            pending.add(x.clone());
            return 0; // a placeholder: nothing decided on it survives (the replay stops before the next generation)
        }
    }

    /** Stops a replay at the first generation that would depend on unknown values. */
    private static final class Unknown extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unknown() {
            super(null, null, false, false);
        }
    }
}
