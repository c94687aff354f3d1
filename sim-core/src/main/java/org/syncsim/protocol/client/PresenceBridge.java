package org.syncsim.protocol.client;

import java.util.function.IntFunction;
import org.syncsim.channel.Presence;
import org.syncsim.channel.PresenceListener;

/**
 * Turns the channel's presence changes into client reactions: going offline ends the session (timers die);
 * coming back online from offline is a fresh login (runtime state lost, §4.2); the end of a loading screen is
 * {@code PLAYER_ENTERING_WORLD}. A {@code /reload} cannot be told from zoning here: the runner calls
 * {@link SyncClient#reload()} itself when the reload's loading screen ends.
 */
public final class PresenceBridge implements PresenceListener {
    private final IntFunction<SyncClient> clients;
    private Presence[] last = new Presence[0];

    public PresenceBridge(IntFunction<SyncClient> clients) {
        this.clients = clients;
    }

    @Override
    public void onPresenceChanged(long now, int client, Presence presence) {
        if (client >= last.length) {
            last = java.util.Arrays.copyOf(last, Math.max(client + 1, last.length * 2));
        }
        Presence before = last[client] == null ? Presence.ONLINE : last[client];
        last[client] = presence;
        SyncClient c = clients.apply(client);
        if (c == null) {
            return;
        }
        if (presence == Presence.OFFLINE && before != Presence.OFFLINE) {
            c.leaveWorld();
        } else if (presence == Presence.ONLINE && before == Presence.OFFLINE) {
            c.enterWorld();
        } else if (presence == Presence.ONLINE && before == Presence.LOADING) {
            c.loadingScreen();
        }
    }
}
