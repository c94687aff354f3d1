package org.syncsim.protocol.plan;

/** Policy 1, {@code responders}: who answers a pull (spec §9 B1, B36). */
public sealed interface Responders {
    /** Head: every holder of complete, strictly newer data answers; ties never stand down. */
    record All() implements Responders {
    }

    /**
     * The {@code count} best-ranked holders answer (leader first, then assistants, then by name: a rank every member
     * computes alike from the roster). A holder ranked {@code r ≥ count} answers only if fewer than {@code count}
     * better-ranked members have acknowledged after {@code fallback·(r − count + 1)} seconds more than the
     * responder delay: if the elected ones are stale or gone, the next rank answers (DBM's ranked fallback).
     */
    record Elected(int count, double fallbackSeconds) implements Responders {
        public Elected {
            if (count < 1) {
                throw new IllegalArgumentException("count must be at least 1, got " + count);
            }
            if (!(fallbackSeconds > 0)) {
                throw new IllegalArgumentException("fallback must be longer than 0s");
            }
        }

        /** Seconds a holder of rank {@code rank} (0 = best) waits beyond the responder delay before answering. */
        public double extraWait(int rank) {
            return rank < count ? 0 : fallbackSeconds * (rank - count + 1);
        }
    }
}
