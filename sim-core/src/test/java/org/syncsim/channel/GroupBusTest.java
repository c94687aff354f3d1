package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.channel.link.LossConfig;
import org.syncsim.channel.link.Outage;
import org.syncsim.channel.server.ServerConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;

class GroupBusTest {
    private static final String PREFIX = "TWRA";

    /** What one client received, in order. */
    record Received(long time, String text, int sender, Distribution distribution) {
    }

    private final Simulation sim = new Simulation(42);
    private final Ledger ledger = new Ledger();
    private final List<List<Received>> inbox = new ArrayList<>();
    private final List<List<Long>> rosterCalls = new ArrayList<>();
    private GroupBus bus;

    private GroupBus bus(ChannelConfig config, int clients, boolean joinAll) {
        bus = new GroupBus(sim, config, ledger);
        for (int i = 0; i < clients; i++) {
            List<Received> in = new ArrayList<>();
            List<Long> roster = new ArrayList<>();
            inbox.add(in);
            rosterCalls.add(roster);
            bus.register(i, (now, prefix, text, dist, sender) -> in.add(new Received(now, text, sender, dist)),
                    roster::add);
            if (joinAll) {
                bus.join(i);
            }
        }
        return bus;
    }

    private static ChannelConfig constantLatency(double millis) {
        return ChannelConfig.defaults().withLatency(LatencyConfig.constant(millis));
    }

    private void sendAt(double seconds, int sender, String text) {
        sim.post(SimTime.seconds(seconds), t -> bus.send(sender, PREFIX, text, Distribution.RAID,
                AddonChannel.NO_TARGET, Priority.NORMAL, "TEST"));
    }

    private void runAll() {
        sim.run(RunLimits.untilEmpty());
    }

    @Test
    void broadcastReachesEveryMemberInSendOrderAndEchoesToTheSender() {
        // i.i.d. log-normal latency draws independent delays per copy; FIFO per sender must still hold.
        bus(ChannelConfig.defaults().withLatency(LatencyConfig.logNormal(80, 250)), 5, true);
        for (int k = 0; k < 200; k++) {
            sendAt(1.0 + k * 0.001, 0, "m" + k);
        }
        sendAt(1.05, 3, "from3");
        runAll();
        for (int r = 0; r < 5; r++) {
            List<String> from0 = inbox.get(r).stream().filter(x -> x.sender() == 0).map(Received::text).toList();
            List<String> expected = new ArrayList<>();
            for (int k = 0; k < 200; k++) {
                expected.add("m" + k);
            }
            assertEquals(expected, from0, "client " + r + " must get sender 0's messages, in order");
            assertEquals(1, inbox.get(r).stream().filter(x -> x.sender() == 3).count());
            assertTrue(inbox.get(r).stream().allMatch(x -> x.distribution() == Distribution.RAID));
        }
        // Arrival times are non-decreasing per sender (FIFO), and every copy arrived after it was sent.
        for (int r = 0; r < 5; r++) {
            long last = 0;
            for (Received x : inbox.get(r)) {
                if (x.sender() == 0) {
                    assertTrue(x.time() >= last);
                    last = x.time();
                }
            }
        }
        assertEquals(201 * 5, ledger.deliveredCount());
    }

    @Test
    void lateJoinerDoesNotReceiveEarlierMessagesButMembershipAtArrivalDecides() {
        bus(constantLatency(50), 3, false);
        bus.join(0);
        bus.join(1);
        bus.join(2, SimTime.seconds(1.0));
        sendAt(0.5, 0, "before"); // arrives 0.55 s: client 2 not yet in the group
        sendAt(0.98, 0, "inflight"); // arrives 1.03 s: client 2 joined at 1.0 s
        sendAt(2.0, 0, "after");
        runAll();
        assertEquals(List.of("inflight", "after"), inbox.get(2).stream().map(Received::text).toList());
        assertEquals(List.of("before", "inflight", "after"), inbox.get(1).stream().map(Received::text).toList());
        // The copy of "before" to client 2 was never addressed (outside the group at relay and at arrival).
        assertTrue(ledger.copiesTo(2).stream().allMatch(Ledger.Copy::delivered));
    }

    @Test
    void leaverLosesMessagesInFlightAndStopsReceiving() {
        bus(constantLatency(50), 3, true);
        bus.leave(2, SimTime.seconds(1.0));
        sendAt(0.98, 0, "inflight"); // relayed to member 2, arrives after it left
        sendAt(2.0, 0, "after");
        runAll();
        assertEquals(List.of(), inbox.get(2));
        List<Ledger.Copy> to2 = ledger.copiesTo(2);
        assertEquals(1, to2.size());
        assertEquals(DropReason.RECIPIENT_OFFLINE, to2.get(0).reason());
    }

    @Test
    void rosterHandlersFireOnEveryOnlineMemberIncludingJoinerAndLeaver() {
        bus(constantLatency(50), 4, false);
        bus.join(0);
        bus.join(1);
        bus.setPresence(1, Presence.LOADING);
        bus.join(2); // fires on 0 and 2 (1 is on a loading screen, 3 is not in the group)
        bus.setPresence(1, Presence.ONLINE);
        bus.leave(0); // fires on 1, 2 and the leaver 0
        assertEquals(4, rosterCalls.get(0).size()); // join(0), join(1), join(2), leave(0)
        assertEquals(2, rosterCalls.get(1).size()); // join(1), leave(0)
        assertEquals(2, rosterCalls.get(2).size()); // join(2), leave(0)
        assertEquals(0, rosterCalls.get(3).size());
        assertEquals(2, bus.raidMembers(1));
        assertEquals(0, bus.raidMembers(0));
        assertEquals(0, bus.partyMembers(1));
        bus.setGroupType(GroupType.PARTY);
        assertEquals(1, bus.partyMembers(1));
        assertEquals(0, bus.raidMembers(1));
    }

    @Test
    void vanillaRealmRejectsPrefixPlusSeparatorPlusTextAbove255Bytes() {
        bus(constantLatency(10).withRealm(RealmLimits.vanilla()), 2, true);
        sendAt(1, 0, "x".repeat(255 - PREFIX.length() - 1)); // exactly 255 with prefix and tab
        sendAt(1, 0, "x".repeat(255 - PREFIX.length())); // 256
        runAll();
        assertEquals(1, inbox.get(1).size());
        assertEquals(250, inbox.get(1).get(0).text().length());
        assertEquals(DropReason.TOO_LONG, ledger.rejected.get(1L).reason());
        assertNull(ledger.rejected.get(0L));
    }

    @Test
    void turtleRealmAccepts2042CharactersAndRejectsOrTruncatesLonger() {
        bus(constantLatency(10), 2, true);
        sendAt(1, 0, "y".repeat(2042));
        sendAt(1, 0, "y".repeat(2043));
        runAll();
        assertEquals(List.of(2042), inbox.get(1).stream().map(x -> x.text().length()).toList());
        assertEquals(DropReason.TOO_LONG, ledger.rejected.get(1L).reason());
        // Accounted bytes include prefix, separator and the 40-byte overhead.
        assertEquals(PREFIX.length() + 1 + 2043 + ServerConfig.DEFAULT_OVERHEAD, ledger.offers.get(1L).bytes());
    }

    @Test
    void truncatePolicyCutsOversizeTextToTheLimit() {
        bus(constantLatency(10).withRealm(RealmLimits.turtle().withOversize("truncate")), 2, true);
        sendAt(1, 0, "z".repeat(3000));
        runAll();
        assertEquals(2042, inbox.get(1).get(0).text().length());
    }

    @Test
    void forbiddenBytesAndUnsupportedDistributionsAreRejectedAtSend() {
        bus(constantLatency(10), 3, true);
        sendAt(1, 0, "a\0b");
        sendAt(1, 0, "line\nbreak");
        sim.post(SimTime.seconds(1), t -> bus.send(0, PREFIX, "w", Distribution.WHISPER, 1, Priority.NORMAL, "W"));
        sim.post(SimTime.seconds(1), t -> bus.send(0, PREFIX, "g", Distribution.GUILD, -1, Priority.NORMAL, "G"));
        sim.post(SimTime.seconds(1), t -> bus.send(0, PREFIX, "p", Distribution.PARTY, -1, Priority.NORMAL, "P"));
        runAll();
        assertEquals(DropReason.FORBIDDEN_CHARACTER, ledger.rejected.get(0L).reason());
        assertEquals(DropReason.FORBIDDEN_CHARACTER, ledger.rejected.get(1L).reason());
        assertEquals(DropReason.UNSUPPORTED_DISTRIBUTION, ledger.rejected.get(2L).reason());
        assertEquals(DropReason.UNSUPPORTED_DISTRIBUTION, ledger.rejected.get(3L).reason());
        assertEquals(DropReason.NOT_IN_GROUP, ledger.rejected.get(4L).reason()); // PARTY while in a raid
        assertEquals(0, ledger.deliveredCount());
    }

    @Test
    void whisperReachesOnlyItsTargetWhenTheRealmSupportsIt() {
        bus(constantLatency(10).withRealm(RealmLimits.turtle().withWhisper(true)), 3, true);
        sim.post(SimTime.seconds(1), t -> bus.send(0, PREFIX, "w", Distribution.WHISPER, 2, Priority.NORMAL, "W"));
        runAll();
        assertEquals(List.of(), inbox.get(0));
        assertEquals(List.of(), inbox.get(1));
        assertEquals(List.of("w"), inbox.get(2).stream().map(Received::text).toList());
    }

    @Test
    void serverLimiterDisconnectsAFloodingClientWhichStopsSendingAndReceiving() {
        bus(constantLatency(50), 3, true);
        // Each 2000-byte message costs 4 + 1 + 2000 + 40 = 2045 bytes; the bucket starts full at 32 768 bytes and
        // refills 2000 B/s, so at one instant 16 pass (32 720 bytes) and the 17th overflows.
        String big = "b".repeat(2000);
        for (int k = 0; k < 20; k++) {
            sendAt(10, 0, big);
        }
        sendAt(12, 1, "while-away"); // client 0 is offline from 10 s to 40 s
        sendAt(20, 0, "cannot-send");
        sendAt(41, 1, "back");
        runAll();
        assertEquals(16, ledger.sent.keySet().stream().filter(id -> id < 20).count());
        assertEquals(DropReason.SERVER_RATE_LIMIT, ledger.rejected.get(16L).reason());
        for (long id = 17; id < 20; id++) {
            assertEquals(DropReason.SENDER_OFFLINE, ledger.rejected.get(id).reason());
        }
        assertEquals(DropReason.SENDER_OFFLINE, ledger.rejected.get(21L).reason());
        assertEquals(1, ledger.disconnects.size());
        assertEquals(SimTime.seconds(40), ledger.disconnects.get(0)[2]);
        // Client 0 gets neither its own echoes (it was offline at 10.05 s) nor "while-away", but gets "back".
        assertEquals(List.of("back"), inbox.get(0).stream().map(Received::text).toList());
        assertEquals(16 + 2, inbox.get(2).size());
        assertEquals(17, ledger.copiesTo(0).stream().filter(c -> c.reason() == DropReason.RECIPIENT_OFFLINE).count());
    }

    @Test
    void dropPolicyDiscardsOnlyTheExcessAndKeepsTheClientOnline() {
        ChannelConfig cfg = constantLatency(50)
                .withServer(ServerConfig.defaults().withOverflow("drop", 0));
        bus(cfg, 2, true);
        String big = "b".repeat(2000);
        for (int k = 0; k < 20; k++) {
            sendAt(10, 0, big);
        }
        sendAt(11, 1, "still-here");
        runAll();
        assertEquals(4, ledger.rejected.values().stream()
                .filter(r -> r.reason() == DropReason.SERVER_RATE_LIMIT).count());
        assertEquals(Presence.ONLINE, bus.presence(0));
        assertEquals(17, inbox.get(0).size()); // 16 echoes + "still-here"
    }

    @Test
    void loadingScreenLosesExactlyTheMessagesArrivingInItsWindow() {
        bus(constantLatency(100), 3, true);
        long from = SimTime.seconds(5);
        long until = SimTime.seconds(7);
        bus.loadingScreen(2, from, until - from);
        List<String> expectedLost = new ArrayList<>();
        List<String> expectedReceived = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            double sentAt = 4.0 + k * 0.05 + 0.013;
            long arrival = SimTime.seconds(sentAt) + SimTime.millis(100);
            String text = "k" + k;
            (arrival >= from && arrival < until ? expectedLost : expectedReceived).add(text);
            sendAt(sentAt, 0, text);
        }
        runAll();
        assertEquals(expectedReceived, inbox.get(2).stream().map(Received::text).toList());
        assertEquals(80, inbox.get(1).size());
        List<Ledger.Copy> lost = ledger.lostWith(DropReason.LOADING_SCREEN);
        assertEquals(expectedLost.size(), lost.size());
        assertTrue(lost.stream().allMatch(c -> c.recipient() == 2 && c.time() >= from && c.time() < until));
        assertEquals(40, expectedLost.size()); // 2 s window / 50 ms spacing
        assertEquals(Presence.ONLINE, bus.presence(2));
    }

    @Test
    void scheduledOutageLosesArrivalsAndRejectsSendsInItsWindow() {
        ChannelConfig cfg = constantLatency(10)
                .withLoss(LossConfig.none().withOutages(List.of(new Outage(SimTime.seconds(2), SimTime.seconds(3), 1))));
        bus(cfg, 2, true);
        sendAt(2.5, 0, "lost");
        sendAt(2.5, 1, "refused");
        sendAt(3.5, 0, "ok");
        runAll();
        assertEquals(List.of("ok"), inbox.get(1).stream().map(Received::text).toList());
        assertEquals(DropReason.OUTAGE, ledger.rejected.get(1L).reason());
        assertEquals(1, ledger.lostWith(DropReason.OUTAGE).size());
    }

    @Test
    void bytesOfferedEqualBytesDeliveredPlusDroppedForEveryMessageAndRecipient() {
        ChannelConfig cfg = ChannelConfig.defaults().withLoss(LossConfig.bernoulli(0.1))
                .withServer(ServerConfig.defaults().withLimit(2000, 8000));
        int n = 8;
        bus(cfg, n, true);
        bus.loadingScreen(3, SimTime.seconds(2), SimTime.seconds(3));
        bus.reload(4, SimTime.seconds(6), SimTime.seconds(2));
        bus.leave(5, SimTime.seconds(4));
        bus.join(5, SimTime.seconds(8));
        bus.setThrottle(6, org.syncsim.channel.throttle.ThrottleConfig.ctl());
        var rng = sim.random().stream("test/traffic");
        int[] lengths = new int[600];
        for (int k = 0; k < lengths.length; k++) {
            int sender = rng.nextInt(n);
            lengths[k] = rng.nextInt(2100);
            sendAt(0.5 + k * 0.02, sender, "t".repeat(lengths[k]));
        }
        runAll();
        // What each message must count, worked out here rather than taken from the channel's own records: the
        // prefix, the separator, the text and the server's per-message overhead.
        int overhead = cfg.server().messageOverheadBytes();
        assertEquals(lengths.length, ledger.offers.size());
        for (Ledger.Offer o : ledger.offers.values()) {
            int k = (int) Math.round((SimTime.toSeconds(o.time()) - 0.5) / 0.02);
            assertEquals(PREFIX.length() + 1 + lengths[k] + overhead, o.bytes(), "bytes counted for message " + o.id());
        }
        long offered = 0;
        long accounted = 0;
        for (Ledger.Offer o : ledger.offers.values()) {
            boolean wasSent = ledger.sent.containsKey(o.id());
            boolean wasRejected = ledger.rejected.containsKey(o.id());
            assertTrue(wasSent ^ wasRejected, "message " + o.id() + " must be sent or rejected, exactly once");
            if (wasRejected) {
                offered += o.bytes();
                accounted += ledger.rejected.get(o.id()).bytes();
                continue;
            }
            List<Ledger.Copy> copies = ledger.copies.stream().filter(c -> c.id() == o.id()).toList();
            assertEquals(copies.size(), copies.stream().map(Ledger.Copy::recipient).distinct().count(),
                    "one record per recipient of message " + o.id());
            // Everyone was in the raid when a message relayed before 4 s left (client 5 leaves at 4 s) or when one
            // relayed from 8 s on arrived (it rejoins at 8 s): every such copy must leave a record, whatever became
            // of it (a copy without any record would escape the byte sums below).
            long relayedAt = ledger.sent.get(o.id()).time();
            if (relayedAt < SimTime.seconds(4) || relayedAt >= SimTime.seconds(8)) {
                assertEquals(n, copies.size(), "a record for every recipient of message " + o.id());
            } else { // client 5 was out of the raid at relay: everyone else still gets a record
                assertEquals(n - 1, copies.stream().filter(c -> c.recipient() != 5).count(),
                        "a record for every member of message " + o.id());
            }
            for (Ledger.Copy c : copies) {
                assertEquals(o.bytes(), c.bytes(), "copy of message " + o.id() + " to " + c.recipient());
                offered += o.bytes();
                accounted += c.bytes();
            }
        }
        assertEquals(offered, accounted);
        // The scenario exercised every path.
        assertTrue(ledger.deliveredCount() > 0);
        for (DropReason r : List.of(DropReason.LINK_LOSS, DropReason.LOADING_SCREEN, DropReason.RECIPIENT_OFFLINE)) {
            assertTrue(!ledger.lostWith(r).isEmpty(), "no copy lost with " + r);
        }
        assertTrue(ledger.rejected.values().stream().anyMatch(r -> r.reason() == DropReason.TOO_LONG));
        assertTrue(ledger.rejected.values().stream().anyMatch(r -> r.reason() == DropReason.SERVER_RATE_LIMIT));
    }
    @Test
    void throttledClientAtLowFrameRateDeliversLaterAndReloadLosesItsQueue() {
        bus(constantLatency(50).withThrottle(org.syncsim.channel.throttle.ThrottleConfig.ctl()), 4, true);
        bus.setFps(1, 10); // below MIN_FPS: half the refill
        // 30 messages of 245 + 5 bytes (cost 290 with MSG_OVERHEAD) from clients 0 and 1 at 10 s.
        String text = "q".repeat(245);
        for (int k = 0; k < 30; k++) {
            sendAt(10, 0, text);
            sendAt(10, 1, text);
            sendAt(10, 2, text);
        }
        bus.reload(2, SimTime.seconds(11), SimTime.seconds(5));
        runAll();
        long last0 = inbox.get(3).stream().filter(x -> x.sender() == 0).mapToLong(Received::time).max().getAsLong();
        long last1 = inbox.get(3).stream().filter(x -> x.sender() == 1).mapToLong(Received::time).max().getAsLong();
        // 60 fps: 13 at once, then (17 x 290 - 230) / 800 s = 5.875 s; 10 fps: 2 at once, then
        // (28 x 290 - 220) / 400 s = 19.75 s; both plus 50 ms latency, within one act.
        assertEquals(10 + 5.875 + 0.05, SimTime.toSeconds(last0), 0.09);
        assertEquals(10 + 19.75 + 0.05, SimTime.toSeconds(last1), 0.11);
        // Client 2 (60 fps) queued 17; by the /reload at 11 s its last act was at 10.983553 s (frames every 16 667 us
        // from 10.000200 s, acting every 5th), when 230 + 800 x 0.983553 = 1016.8 bytes had paid for 3 more
        // (3 x 290 < 1016.8 < 4 x 290). The other 14 were lost with the addon's state.
        assertEquals(14, ledger.rejected.values().stream().filter(r -> r.reason() == DropReason.SENDER_OFFLINE).count());
        assertEquals(16, inbox.get(3).stream().filter(x -> x.sender() == 2).count());
        assertEquals(0, bus.throttleQueue(2));
    }

    @Test
    void eachThrottledClientDespoolsOnItsOwnFrames() {
        bus(constantLatency(50).withThrottle(org.syncsim.channel.throttle.ThrottleConfig.ctl()), 3, true);
        long origin0 = 3_000;
        long origin1 = 11_000;
        bus.setFrames(0, 60, origin0);
        bus.setFrames(1, 60, origin1);
        String text = "q".repeat(245);
        for (int k = 0; k < 30; k++) { // more than the burst: the rest waits for the despooler's frames
            sendAt(10, 0, text);
            sendAt(10, 1, text);
        }
        runAll();
        List<Long> queued0 = inbox.get(2).stream().filter(x -> x.sender() == 0).map(Received::time)
                .filter(t -> t > SimTime.seconds(10) + 50_000).toList();
        List<Long> queued1 = inbox.get(2).stream().filter(x -> x.sender() == 1).map(Received::time)
                .filter(t -> t > SimTime.seconds(10) + 50_000).toList();
        assertTrue(!queued0.isEmpty() && !queued1.isEmpty(), "both queued some");
        org.syncsim.engine.FrameClock frames0 = org.syncsim.engine.FrameClock.ofFps(60, origin0);
        org.syncsim.engine.FrameClock frames1 = org.syncsim.engine.FrameClock.ofFps(60, origin1);
        for (long t : queued0) {
            assertEquals(t - 50_000, frames0.atOrAfter(t - 50_000), "client 0 despools on its own frames");
        }
        for (long t : queued1) {
            assertEquals(t - 50_000, frames1.atOrAfter(t - 50_000), "client 1 despools on its own frames");
        }
        assertTrue(queued0.stream().noneMatch(queued1::contains), "the two clients never despool at the same instant");
    }

    @Test
    void withoutFifoLaterMessagesMayOvertakeEarlierOnes() {
        bus(ChannelConfig.defaults().withLatency(LatencyConfig.uniform(10, 500).withFifo(false)), 2, true);
        for (int k = 0; k < 100; k++) {
            sendAt(1.0 + k * 0.001, 0, Integer.toString(k));
        }
        runAll();
        List<Integer> order = inbox.get(1).stream().map(x -> Integer.parseInt(x.text())).toList();
        assertEquals(100, order.size());
        assertTrue(!order.equals(order.stream().sorted().toList()), "uniform 10-500 ms must reorder 1 ms apart sends");
    }
}
