package org.syncsim.protocol.plan;

import java.util.Set;
import org.syncsim.protocol.Capability;
import org.syncsim.protocol.NamedProfile;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.head.HeadClient;
import org.syncsim.protocol.head.HeadProfile;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * The {@code plan} profile: {@code head} with the improvement plan's {@link PlanPolicies}. It speaks head's messages
 * only, so {@code head} and {@code plan} members share a raid (a roll-out) without either misreading the other.
 */
public final class PlanProfile extends NamedProfile {
    public static final String NAME = "plan";
    private final PlanPolicies policies;

    /** The profile with every policy at its recommended setting. */
    public PlanProfile() {
        this(PlanPolicies.recommended());
    }

    public PlanProfile(PlanPolicies policies) {
        super(NAME, WireSpelling.head());
        this.policies = policies;
    }

    /** This profile with other policies. */
    public PlanProfile withPolicies(PlanPolicies p) {
        return new PlanProfile(p);
    }

    public PlanPolicies policies() {
        return policies;
    }

    /** A plan client is a head client: it has head's features. */
    @Override
    public Set<Capability> capabilities() {
        return HeadProfile.CAPABILITIES;
    }

    @Override
    public SyncClient create(ProtocolEnvironment env, int id, ClientConfig config) {
        return new HeadClient(env, id, config, policies);
    }
}
