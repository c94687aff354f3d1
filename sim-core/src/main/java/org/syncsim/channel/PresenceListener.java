package org.syncsim.channel;

/**
 * Told when a client's presence changes, e.g. when the server's rate limiter disconnects a client and when it
 * is back (which the protocol layer treats as a fresh login: runtime state lost).
 */
@FunctionalInterface
public interface PresenceListener {
    void onPresenceChanged(long now, int client, Presence presence);
}
