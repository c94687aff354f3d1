package org.syncsim.channel.throttle;

import org.syncsim.channel.OutgoingMessage;
import org.syncsim.metrics.DropReason;

/** Where a throttle hands the messages it releases (to the server) or refuses. */
public interface ThrottleSink {
    /** The message leaves the client now, after {@code queuedMicros} in the throttle. */
    void leave(OutgoingMessage message, long now, long queuedMicros);

    /** The message will never leave the client. */
    void reject(OutgoingMessage message, long now, DropReason reason);
}
