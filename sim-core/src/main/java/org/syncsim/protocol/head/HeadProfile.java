package org.syncsim.protocol.head;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.syncsim.protocol.Capability;
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

    /** What {@link HeadClient} models beyond the common client. */
    public static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(
            EnumSet.of(Capability.TANK_SYNC, Capability.PLAIN_TEXT_IMPORT, Capability.EXAMPLE_BUTTON));

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SyncClient create(ProtocolEnvironment env, int id, ClientConfig config) {
        return new HeadClient(env, id, config);
    }
}
