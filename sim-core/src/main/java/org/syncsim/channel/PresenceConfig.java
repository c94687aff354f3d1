package org.syncsim.channel;

import org.syncsim.engine.SimTime;

/**
 * Client-side facts that decide when a client acts and receives.
 *
 * @param fps frames per second of every client unless set per client; OnUpdate work (the throttle's despooling)
 *     runs only on frames. Default 60 (addon-channel.md, "Game client facts": 60 fps default, raids 20–40)
 * @param loadingScreenMicros duration of a loading screen when a caller does not give one; default 10 s
 *     (addon-channel.md: "a few seconds to tens of seconds")
 */
public record PresenceConfig(double fps, long loadingScreenMicros) {
    /** Default frame rate, addon-channel.md "Game client facts that matter". */
    public static final int DEFAULT_FPS = 60;
    /** Default loading-screen length, addon-channel.md "Game client facts that matter". */
    public static final long DEFAULT_LOADING_SCREEN_MICROS = SimTime.seconds(10);

    public PresenceConfig {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("presence.fps must be a positive number, got " + fps);
        }
        if (loadingScreenMicros < 0) {
            throw new IllegalArgumentException("presence.loadingScreen must be >= 0, got " + loadingScreenMicros);
        }
    }

    public static PresenceConfig defaults() {
        return new PresenceConfig(DEFAULT_FPS, DEFAULT_LOADING_SCREEN_MICROS);
    }
}
