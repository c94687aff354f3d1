package org.syncsim.channel.throttle;

import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.SendOrigin;
import org.syncsim.metrics.DropReason;

/**
 * No throttle: every message leaves at the instant of the send call, as the TWRA addon's raw
 * {@code SendAddonMessage} calls do (twra-sync-protocol.md §2.3: "Nothing is rate-limited, batched or spread over
 * frames").
 */
public final class DirectThrottle implements Throttle {
    private final ThrottleSink sink;

    public DirectThrottle(ThrottleSink sink) {
        this.sink = sink;
    }

    @Override
    public void submit(OutgoingMessage message, long now, SendOrigin origin) {
        sink.leave(message, now, 0);
    }

    @Override
    public void setFps(long now, double fps) {
    }

    @Override
    public void suspend(long now) {
    }

    @Override
    public void enterWorld(long now) {
    }

    @Override
    public void discard(long now, DropReason reason) {
    }

    @Override
    public void login(long loadedAt, long now) {
    }

    @Override
    public int queuedMessages() {
        return 0;
    }
}
