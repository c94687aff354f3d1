package org.syncsim.scenario;

import java.util.Map;
import java.util.TreeMap;

/**
 * Which protocol generation clients run, and the plan's policies.
 *
 * @param profile {@code seed}, {@code head} or {@code plan} (default head)
 * @param base for {@code plan}: the generation the policies apply to (default head)
 * @param policies policy name to choice, e.g. {@code backoff: exponential}; unnamed policies keep the
 *     addon's behaviour
 * @param seedPull for {@code seed}: the pull a newer timestamp triggers (default segmented)
 * @param choices what the addon leaves unspecified, fixed (defaults: see {@link ChoicesSpec})
 */
public record ProtocolSpec(ProfileName profile, ProfileName base, Map<String, String> policies,
        SeedPullName seedPull, ChoicesSpec choices) {
    public ProtocolSpec {
        choices = choices == null ? ChoicesSpec.defaults() : choices;
        seedPull = seedPull == null ? SeedPullName.SEGMENTED : seedPull;
        profile = profile == null ? ProfileName.HEAD : profile;
        base = base == null ? ProfileName.HEAD : base;
        policies = policies == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(policies));
    }

    public static ProtocolSpec defaults() {
        return new ProtocolSpec(null, null, null, null, null);
    }
}
