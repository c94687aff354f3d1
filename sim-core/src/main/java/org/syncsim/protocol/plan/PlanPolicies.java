package org.syncsim.protocol.plan;

import java.util.Objects;

/**
 * The improvement plan's policies a client runs (spec preface, "The improvement plan … as policies"). Every policy
 * has an {@code off} setting that is the addon's behaviour: {@link #OFF} is {@code head}, byte for byte.
 * {@link PolicyCatalog} builds these from a scenario's {@code protocol.policies}.
 */
public record PlanPolicies(Responders responders, RequestCoalescing coalescing, Backoff backoff,
        SkipRedundant skipRedundant, Throttle throttle, Recovery recovery, VersionCheck versionCheck,
        Versioning versioning, Permissions permissions, CompressedCache compressedCache, Differential differential) {
    /** Every policy off: the {@code head} profile. */
    public static final PlanPolicies OFF = new PlanPolicies(new Responders.All(), new RequestCoalescing.Off(),
            new Backoff.None(), new SkipRedundant.Off(), new Throttle.Direct(), new Recovery.Off(),
            new VersionCheck.Off(), new Versioning.WallClock(), new Permissions.Anyone(), new CompressedCache.Off(),
            new Differential.Off());

    public PlanPolicies {
        Objects.requireNonNull(responders);
        Objects.requireNonNull(coalescing);
        Objects.requireNonNull(backoff);
        Objects.requireNonNull(skipRedundant);
        Objects.requireNonNull(throttle);
        Objects.requireNonNull(recovery);
        Objects.requireNonNull(versionCheck);
        Objects.requireNonNull(versioning);
        Objects.requireNonNull(permissions);
        Objects.requireNonNull(compressedCache);
        Objects.requireNonNull(differential);
    }

    /** These policies with {@code backoff} replaced. */
    public PlanPolicies withBackoff(Backoff p) {
        return new PlanPolicies(responders, coalescing, p, skipRedundant, throttle, recovery, versionCheck, versioning,
                permissions, compressedCache, differential);
    }

    /** These policies with {@code skipRedundant} replaced. */
    public PlanPolicies withSkipRedundant(SkipRedundant p) {
        return new PlanPolicies(responders, coalescing, backoff, p, throttle, recovery, versionCheck, versioning,
                permissions, compressedCache, differential);
    }

    /** These policies with {@code recovery} replaced. */
    public PlanPolicies withRecovery(Recovery p) {
        return new PlanPolicies(responders, coalescing, backoff, skipRedundant, throttle, p, versionCheck, versioning,
                permissions, compressedCache, differential);
    }

    /** These policies with {@code compressedCache} replaced. */
    public PlanPolicies withCompressedCache(CompressedCache p) {
        return new PlanPolicies(responders, coalescing, backoff, skipRedundant, throttle, recovery, versionCheck,
                versioning, permissions, p, differential);
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
