package org.syncsim.protocol;

import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.wire.WireSpelling;

/** A protocol generation a scenario can pick by name ({@code head} or {@code seed}; see {@link ProtocolProfiles}). */
public interface ProtocolProfile {
    String name();

    /** The profile's command → wire token table. */
    WireSpelling spelling();

    /** A client of this profile; it registers itself with the environment's channel. */
    SyncClient create(ProtocolEnvironment env, int id, ClientConfig config);
}
