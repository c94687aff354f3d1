package org.syncsim.protocol;

import java.util.Set;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.ProtocolEnvironment;
import org.syncsim.protocol.client.SyncClient;
import org.syncsim.protocol.wire.WireSpelling;

/**
 * A protocol generation a scenario can pick by name ({@code head}, {@code seed} or {@code plan}; see
 * {@link ProtocolProfiles}).
 */
public interface ProtocolProfile {
    String name();

    /** The profile's command → wire token table. */
    WireSpelling spelling();

    /** The features beyond the common ones that this profile's clients model. */
    Set<Capability> capabilities();

    /** A client of this profile; it registers itself with the environment's channel. */
    SyncClient create(ProtocolEnvironment env, int id, ClientConfig config);
}
