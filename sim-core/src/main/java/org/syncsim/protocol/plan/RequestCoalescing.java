package org.syncsim.protocol.plan;

/** Policy 2, {@code request-coalescing}: stale members share one pull instead of each sending its own (B3). */
public sealed interface RequestCoalescing {
    /** Head: every stale member sends its BSREQ at once. */
    record Off() implements RequestCoalescing {
    }

    /**
     * A pull waits a uniform jitter of up to {@code jitterPerMember} seconds times the raid size. If by then the
     * member has heard, within the last {@code window} seconds, another member's BSREQ for its version or older or a
     * BSACK newer than its data, it waits until {@code window} has passed since it last heard one (a trailing
     * debounce) and asks only if it still lacks data it knows of. If a push reached it during the jitter, it asks
     * only if it still lacks data too. Otherwise it asks as head does.
     */
    record Listen(double windowSeconds, double jitterPerMemberSeconds) implements RequestCoalescing {
        public Listen {
            if (!(windowSeconds > 0)) {
                throw new IllegalArgumentException("window must be longer than 0s");
            }
            if (!(jitterPerMemberSeconds >= 0)) {
                throw new IllegalArgumentException("jitter-per-member must not be negative");
            }
        }

        /** The longest jitter in a group of {@code members}. */
        public double jitterSpan(int members) {
            return jitterPerMemberSeconds * Math.max(1, members);
        }
    }
}
