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
     * debounce). Then it asks as head does, unless it heard such a pull or push traffic reached it since the pull
     * began, and it lacks nothing it knows of (newer versions are learnt from SECTION, BSACK, BSEC, BSTR and
     * the version other members ask from).
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
