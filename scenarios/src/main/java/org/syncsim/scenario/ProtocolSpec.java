package org.syncsim.scenario;

import java.util.Map;
import java.util.TreeMap;
import org.syncsim.protocol.plan.PlanPolicies;
import org.syncsim.protocol.plan.PolicyCatalog;
import org.syncsim.protocol.plan.PolicyException;

/**
 * Which protocol generation clients run, and the plan's policies.
 *
 * @param profile {@code seed}, {@code head} or {@code plan} (default head)
 * @param base for {@code plan}: the generation the policies apply to (only head is built; default head)
 * @param policies for {@code plan}: policy name to a kind ({@code backoff: none}) or a kind with parameters
 *     ({@code backoff: {kind: exponential, base: 2s}}); unnamed policies take their recommended setting, or
 *     {@code off} with {@code default: off} (see {@link org.syncsim.protocol.plan.PolicyCatalog})
 * @param seedPull for {@code seed}: the pull a newer timestamp triggers (default segmented)
 * @param choices what the addon leaves unspecified, fixed (defaults: see {@link ChoicesSpec})
 * @param cpu the cost model of the clients' Lua work (defaults: see {@link CpuSpec})
 */
public record ProtocolSpec(ProfileName profile, ProfileName base, Map<String, Object> policies,
        SeedPullName seedPull, ChoicesSpec choices, CpuSpec cpu) {
    public ProtocolSpec {
        cpu = cpu == null ? CpuSpec.defaults() : cpu;
        choices = choices == null ? ChoicesSpec.defaults() : choices;
        seedPull = seedPull == null ? SeedPullName.SEGMENTED : seedPull;
        profile = profile == null ? ProfileName.HEAD : profile;
        base = base == null ? ProfileName.HEAD : base;
        policies = policies == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(policies));
    }

    /** The policies {@code plan} members run; throws {@link PolicyException} naming the bad entry. */
    public PlanPolicies planPolicies() {
        return PolicyCatalog.parse(policies, text -> Span.parse(text).micros() / 1e6);
    }

    public static ProtocolSpec defaults() {
        return new ProtocolSpec(null, null, null, null, null, null);
    }
}
