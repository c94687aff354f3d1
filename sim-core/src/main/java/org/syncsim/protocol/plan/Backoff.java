package org.syncsim.protocol.plan;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Policy 3, {@code backoff}: when a pull goes unanswered (the member still lacks data it knows exists and nothing of
 * a push reached it for the retry's delay), it asks again after a growing delay (B8).
 */
public sealed interface Backoff {
    /** How many retries follow one pull (0: none). */
    int maxRetries();

    /**
     * Seconds before retry {@code n} (1-based), {@code previous} the delay before retry {@code n − 1} (0 for the
     * first), drawing from {@code random} if the policy jitters.
     */
    double delay(int n, double previous, UniformRandomProvider random);

    /** Head: a lost request is never repeated. */
    record None() implements Backoff {
        @Override
        public int maxRetries() {
            return 0;
        }

        @Override
        public double delay(int n, double previous, UniformRandomProvider random) {
            throw new IllegalStateException("no retries without backoff");
        }
    }

    /** The same delay before every retry. */
    record Fixed(double delaySeconds, int maxRetries) implements Backoff {
        public Fixed {
            Exponential.check(delaySeconds, maxRetries);
        }

        @Override
        public double delay(int n, double previous, UniformRandomProvider random) {
            return delaySeconds;
        }
    }

    /** How a delay is spread (the AWS architecture blog's "Exponential Backoff And Jitter", 2015). */
    enum Jitter {
        /** Exactly the computed delay d. */
        NONE,
        /** Uniform in [0, d]. */
        FULL,
        /** d/2 plus uniform in [0, d/2]. */
        EQUAL,
        /** Uniform in [base, 3·previous], capped; the first retry as if previous were base. */
        DECORRELATED
    }

    /** d(n) = min(cap, base·multiplier^(n−1)), spread by {@code jitter}. */
    record Exponential(double baseSeconds, double multiplier, double capSeconds, int maxRetries, Jitter jitter)
            implements Backoff {
        public Exponential {
            check(baseSeconds, maxRetries);
            if (!(multiplier >= 1)) {
                throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
            }
            if (!(capSeconds >= baseSeconds)) {
                throw new IllegalArgumentException("cap must be at least base");
            }
        }

        static void check(double delay, int maxRetries) {
            if (!(delay > 0)) {
                throw new IllegalArgumentException("the delay must be longer than 0s");
            }
            if (maxRetries < 1) {
                throw new IllegalArgumentException("max-retries must be at least 1, got " + maxRetries);
            }
        }

        /** The delay before retry {@code n} without jitter. */
        public double nominal(int n) {
            return Math.min(capSeconds, baseSeconds * Math.pow(multiplier, n - 1));
        }

        @Override
        public double delay(int n, double previous, UniformRandomProvider random) {
            double d = nominal(n);
            return switch (jitter) {
                case NONE -> d;
                case FULL -> d * random.nextDouble();
                case EQUAL -> d / 2 + d / 2 * random.nextDouble();
                case DECORRELATED -> {
                    double hi = 3 * (n == 1 ? baseSeconds : previous);
                    yield Math.min(capSeconds, baseSeconds + (hi - baseSeconds) * random.nextDouble());
                }
            };
        }
    }
}
