package org.syncsim.channel;

/** Whether a client is in the world: only {@link #ONLINE} clients send and receive addon messages. */
public enum Presence {
    /** In the world: frames render, messages are received, the throttle despools. */
    ONLINE,
    /** On a loading screen (zoning, {@code /reload}): no frames; messages arriving now are lost. */
    LOADING,
    /** Disconnected or logged out: sends nothing, receives nothing. */
    OFFLINE
}
