package org.syncsim.protocol.plan;

import java.util.Objects;

/**
 * The improvement plan's policies a client runs (spec preface, "The improvement plan … as policies"). Every policy
 * has an {@code off} setting that is the addon's behaviour: {@link #OFF} is {@code head}, byte for byte.
 * {@link PolicyCatalog} builds these from a scenario's {@code protocol.policies}.
 */
public record PlanPolicies(Responders responders, RequestCoalescing coalescing, Backoff backoff,
        Recovery recovery, Versioning versioning, Permissions permissions) {
    /** Every policy off: the {@code head} profile. */
    public static final PlanPolicies OFF = new PlanPolicies(new Responders.All(), new RequestCoalescing.Off(),
            new Backoff.None(), new Recovery.Off(), new Versioning.WallClock(), new Permissions.Anyone());

    public PlanPolicies {
        Objects.requireNonNull(responders);
        Objects.requireNonNull(coalescing);
        Objects.requireNonNull(backoff);
        Objects.requireNonNull(recovery);
        Objects.requireNonNull(versioning);
        Objects.requireNonNull(permissions);
    }

    /** True if every policy is off: the client is {@code head}. */
    public boolean isOff() {
        return equals(OFF);
    }

    /** Every policy at its recommended setting (see {@link PolicyCatalog} for each reason). */
    public static PlanPolicies recommended() {
        return PolicyCatalog.recommended();
    }
}
