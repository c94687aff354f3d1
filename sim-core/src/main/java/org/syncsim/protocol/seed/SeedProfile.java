package org.syncsim.protocol.seed;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.syncsim.protocol.Capability;
import org.syncsim.protocol.NamedProfile;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * The {@code seed} profile: the G1 generation the planning document describes (spec §10.2), with the pull a newer
 * timestamp triggers as its one parameter ({@link SeedPull}; the registry holds the default, segmented).
 */
public final class SeedProfile extends NamedProfile {
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
            EnumSet.of(Capability.TANK_SYNC, Capability.FULL_DATA_PULL));
    public static final String NAME = "seed";
    static final WireSpelling SPELLING = WireSpelling.seed();

    private final SeedPull pull;

    /** The default profile: a newer timestamp pulls the structure ({@link SeedPull#SEGMENTED}, §10.2). */
    public SeedProfile() {
        this(SeedPull.SEGMENTED);
    }

    public SeedProfile(SeedPull pull) {
        super(NAME, SPELLING);
        this.pull = Objects.requireNonNull(pull);
    }

    /** This profile with {@code pull} as the newer-timestamp trigger. */
    public SeedProfile withPull(SeedPull pull) {
        return new SeedProfile(pull);
    }

    public SeedPull pull() {
        return pull;
    }

    /** Seed clients have Tank Sync and the full-data pull. */
    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SyncClient create(ProtocolEnvironment env, int id, ClientConfig config) {
        return new SeedClient(env, id, config, pull);
    }
}
