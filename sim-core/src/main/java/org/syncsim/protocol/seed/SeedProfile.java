package org.syncsim.protocol.seed;

import org.syncsim.protocol.ProtocolProfile;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.wire.WireSpelling;

/** The {@code seed} profile: the G1 generation the planning document describes (spec §10.2). */
public final class SeedProfile implements ProtocolProfile {
    public static final String NAME = "seed";
    static final WireSpelling SPELLING = WireSpelling.seed();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WireSpelling spelling() {
        return SPELLING;
    }

    @Override
    public SyncClient create(ProtocolEnvironment env, int id, ClientConfig config) {
        return new SeedClient(env, id, config);
    }
}
