package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Presence;

class PresenceBridgeTest {
    /** A client that only notes which control methods it was called with. */
    private static SyncClient recording(List<String> calls) {
        return (SyncClient) Proxy.newProxyInstance(SyncClient.class.getClassLoader(), new Class<?>[] {SyncClient.class},
                (proxy, method, args) -> {
                    calls.add(method.getName());
                    return null;
                });
    }

    @Test
    void aClientLeavesTheWorldGoingOfflineEntersItComingBackAndEndsALoadingScreen() {
        List<String> calls = new ArrayList<>();
        SyncClient client = recording(calls);
        PresenceBridge bridge = new PresenceBridge(id -> id == 5 ? client : null);

        bridge.onPresenceChanged(0, 5, Presence.LOADING); // a loading screen starts: the addon sees nothing yet
        bridge.onPresenceChanged(1, 5, Presence.ONLINE); // ... and ends
        bridge.onPresenceChanged(2, 5, Presence.OFFLINE);
        bridge.onPresenceChanged(3, 5, Presence.OFFLINE); // no second logout
        bridge.onPresenceChanged(4, 5, Presence.ONLINE);
        bridge.onPresenceChanged(5, 5, Presence.ONLINE); // already in the world
        assertEquals(List.of("loadingScreen", "leaveWorld", "enterWorld"), calls);
    }

    @Test
    void aClientThatIsNotRegisteredIsSkippedButItsPresenceIsKept() {
        List<String> calls = new ArrayList<>();
        SyncClient client = recording(calls);
        boolean[] registered = {false};
        PresenceBridge bridge = new PresenceBridge(id -> registered[0] ? client : null);
        bridge.onPresenceChanged(0, 30, Presence.OFFLINE); // id beyond the table: it grows
        registered[0] = true;
        bridge.onPresenceChanged(1, 30, Presence.ONLINE);
        assertEquals(List.of("enterWorld"), calls, "back from offline, though the logout was not seen");
    }
}
