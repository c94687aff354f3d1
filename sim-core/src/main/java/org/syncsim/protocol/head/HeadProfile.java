package org.syncsim.protocol.head;

import org.syncsim.protocol.NamedProfile;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.wire.WireSpelling;

/** The {@code head} profile: the addon as it is today (spec §2-§9). */
public final class HeadProfile extends NamedProfile {
    public static final String NAME = "head";
    static final WireSpelling SPELLING = WireSpelling.head();

    public HeadProfile() {
        super(NAME, SPELLING);
    }

    @Override
    public SyncClient create(ProtocolEnvironment env, int id, ClientConfig config) {
        return new HeadClient(env, id, config);
    }
}
