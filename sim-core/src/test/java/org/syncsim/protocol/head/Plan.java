package org.syncsim.protocol.head;

import org.syncsim.protocol.plan.Backoff;
import org.syncsim.protocol.plan.CompressedCache;
import org.syncsim.protocol.plan.Differential;
import org.syncsim.protocol.plan.Permissions;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.Recovery;
import org.syncsim.protocol.plan.RequestCoalescing;
import org.syncsim.protocol.plan.Responders;
import org.syncsim.protocol.plan.SkipRedundant;
import org.syncsim.protocol.plan.Throttle;
import org.syncsim.protocol.plan.VersionCheck;
import org.syncsim.protocol.plan.Versioning;

/** Test fixture: plan policies with every policy off ({@code head}) but the ones given. */
final class Plan {
    private Plan() {
    }

    /** {@link PlanPolicies#OFF} with each of {@code policies} in its place. */
    static PlanPolicies of(Object... policies) {
        PlanPolicies p = PlanPolicies.OFF;
        Responders responders = p.responders();
        RequestCoalescing coalescing = p.coalescing();
        Backoff backoff = p.backoff();
        SkipRedundant skip = p.skipRedundant();
        Throttle throttle = p.throttle();
        Recovery recovery = p.recovery();
        VersionCheck versionCheck = p.versionCheck();
        Versioning versioning = p.versioning();
        Permissions permissions = p.permissions();
        CompressedCache cache = p.compressedCache();
        Differential differential = p.differential();
        for (Object o : policies) {
            if (o instanceof Responders x) {
                responders = x;
            } else if (o instanceof RequestCoalescing x) {
                coalescing = x;
            } else if (o instanceof Backoff x) {
                backoff = x;
            } else if (o instanceof SkipRedundant x) {
                skip = x;
            } else if (o instanceof Throttle x) {
                throttle = x;
            } else if (o instanceof Recovery x) {
                recovery = x;
            } else if (o instanceof VersionCheck x) {
                versionCheck = x;
            } else if (o instanceof Versioning x) {
                versioning = x;
            } else if (o instanceof Permissions x) {
                permissions = x;
            } else if (o instanceof CompressedCache x) {
                cache = x;
            } else if (o instanceof Differential x) {
                differential = x;
            } else {
                throw new IllegalArgumentException("not a policy: " + o);
            }
        }
        return new PlanPolicies(responders, coalescing, backoff, skip, throttle, recovery, versionCheck, versioning,
                permissions, cache, differential);
    }
}
