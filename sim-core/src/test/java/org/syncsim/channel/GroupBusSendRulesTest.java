package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;

/**
 * The send call's rules (addon-channel.md, "The send call and its limits"): no NUL, no tab in the prefix, no line
 * breaks where unsafe, wherever in the string they stand; and what a reconnect does to the server's limiter
 * ("The server": a fresh login finds the bucket full).
 */
class GroupBusSendRulesTest {
    private final Simulation sim = new Simulation(11);
    private final Ledger ledger = new Ledger();
    private final List<OutgoingMessage> received = new ArrayList<>();
    private GroupBus bus;

    private void bus(ChannelConfig config) {
        bus = new GroupBus(sim, config, ledger);
        for (int i = 0; i < 2; i++) {
            int id = i;
            bus.register(i, new AddonMessageListener() {
                @Override
                public void onAddonMessage(long now, String prefix, String text, Distribution d, int sender) {
                }

                @Override
                public void onAddonMessage(long now, OutgoingMessage m) {
                    if (id == 1) {
                        received.add(m);
                    }
                }
            }, t -> { });
            bus.join(i);
        }
    }

    private void send(String prefix, String text) {
        bus.send(0, prefix, text, Distribution.RAID, AddonChannel.NO_TARGET, Priority.NORMAL, "CMD");
    }

    private DropReason rejection(long id) {
        Ledger.Rejected r = ledger.rejected.get(id);
        return r == null ? null : r.reason();
    }

    @Test
    void aForbiddenByteAtTheStartOfPrefixOrTextIsRefused() {
        bus(ChannelConfig.defaults().withLatency(LatencyConfig.constant(10)));
        send("\tTWRA", "ok");
        send("\0TWRA", "ok");
        send("TWRA", "\0text");
        send("TWRA", "\ntext");
        send("TWRA", "\rtext");
        send("TWRA", "text\r");
        send("TWRA", "plain");
        for (long id = 0; id < 6; id++) {
            assertEquals(DropReason.FORBIDDEN_CHARACTER, rejection(id), "message " + id);
        }
        assertNull(rejection(6));
        sim.run(RunLimits.untilEmpty());
        assertEquals(1, received.size());
        assertEquals("plain", received.get(0).text());
        assertEquals("CMD", received.get(0).command(), "a delivered message carries the sender's command");
    }

    @Test
    void lineBreaksPassWhereTheRealmAllowsThemButNulNever() {
        RealmLimits lenient = new RealmLimits("custom", RealmLimits.TURTLE_MAX, false, false, false, "reject");
        bus(ChannelConfig.defaults().withLatency(LatencyConfig.constant(10)).withRealm(lenient));
        send("TWRA", "\nline");
        send("TWRA", "\rline");
        send("TWRA", "\0nul");
        sim.run(RunLimits.untilEmpty());
        assertNull(rejection(0));
        assertNull(rejection(1));
        assertEquals(DropReason.FORBIDDEN_CHARACTER, rejection(2));
        assertEquals(List.of("\nline", "\rline"), received.stream().map(OutgoingMessage::text).toList());
    }

    /** 1000-byte bucket without refill to speak of: 10 messages of 100 bytes (prefix 4 + tab + 55 text + 40). */
    private ChannelConfig smallBucket() {
        return ChannelConfig.defaults().withLatency(LatencyConfig.constant(10))
                .withServer(ServerConfig.defaults().withLimit(1e-3, 1000).withOverflow("drop", 0));
    }

    private int sentAt(long at, int count) {
        int[] sent = new int[1];
        String text = "x".repeat(55);
        sim.post(at, t -> {
            int before = ledger.sent.size();
            for (int k = 0; k < count; k++) {
                send("TWRA", text);
            }
            sent[0] = ledger.sent.size() - before;
        });
        sim.run(RunLimits.until(at));
        return sent[0];
    }

    @Test
    void aLoginAfterBeingOfflineFindsTheServerBucketFullAgain() {
        bus(smallBucket());
        assertEquals(10, sentAt(SimTime.seconds(1), 12), "a full 1000-byte bucket passes exactly ten 100-byte messages");
        bus.logout(0, SimTime.seconds(2));
        bus.login(0, SimTime.seconds(3));
        assertEquals(10, sentAt(SimTime.seconds(4), 12));
    }

    @Test
    void aReloadFindsTheServerBucketFullAgainAndComesBackOnline() {
        bus(smallBucket());
        assertEquals(10, sentAt(SimTime.seconds(1), 12));
        bus.reload(0, SimTime.seconds(2), SimTime.seconds(5));
        List<Presence> seen = new ArrayList<>();
        sim.post(SimTime.seconds(3), t -> seen.add(bus.presence(0)));
        sim.post(SimTime.seconds(8), t -> seen.add(bus.presence(0)));
        assertEquals(10, sentAt(SimTime.seconds(8), 12));
        assertEquals(List.of(Presence.LOADING, Presence.ONLINE), seen);
    }

    @Test
    void aLoadingScreenKeepsTheServerBucketAsItWas() {
        bus(smallBucket());
        assertEquals(10, sentAt(SimTime.seconds(1), 12));
        bus.loadingScreen(0, SimTime.seconds(2), SimTime.seconds(5));
        assertEquals(0, sentAt(SimTime.seconds(8), 12), "zoning is no new login: the bucket is still empty");
        assertTrue(ledger.rejected.values().stream().allMatch(r -> r.reason() == DropReason.SERVER_RATE_LIMIT));
    }
}
