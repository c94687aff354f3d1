package org.syncsim.channel.throttle;

import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.SendOrigin;
import org.syncsim.metrics.DropReason;

/**
 * One client's pacing of outgoing addon messages: decides when each message leaves the client. Implementations
 * are chosen by name ({@link #create}); the lifecycle calls tell it what the game client does (frames, loading
 * screens, logins) because the library only acts on frames.
 */
public interface Throttle {
    /** The addon called the send API at {@code now}, from where {@code origin} says. */
    void submit(OutgoingMessage message, long now, SendOrigin origin);

    /** The addon called the send API at {@code now} from an event handler. */
    default void submit(OutgoingMessage message, long now) {
        submit(message, now, SendOrigin.EVENT_HANDLER);
    }

    /** The client's frame rate changes at {@code now}. */
    void setFps(long now, double fps);

    /** A loading screen starts: no frames until {@link #enterWorld}. */
    void suspend(long now);

    /** {@code PLAYER_ENTERING_WORLD} after a loading screen. */
    void enterWorld(long now);

    /** The addon's runtime state is lost (logout, disconnect, {@code /reload}): queued messages never leave. */
    void discard(long now, DropReason reason);

    /**
     * A login (after a {@link #discard}): the library was loaded afresh at {@code loadedAt}, when the login's
     * loading screen began, and {@code PLAYER_ENTERING_WORLD} comes at {@code now}, when it ends.
     */
    void login(long loadedAt, long now);

    /** Messages waiting in the throttle. */
    int queuedMessages();

    /** A throttle of the configured mode for {@code client}, whose first frame is at {@code frameOrigin}. */
    static Throttle create(ThrottleConfig config, int client, org.syncsim.engine.Simulation sim, ThrottleSink sink,
            org.syncsim.metrics.MetricsRecorder metrics, double fps, long frameOrigin) {
        return switch (config.mode()) {
            case DIRECT -> new DirectThrottle(sink);
            case CTL -> new ChatThrottleLib(config, client, sim, sink, metrics, fps, frameOrigin);
        };
    }
}
