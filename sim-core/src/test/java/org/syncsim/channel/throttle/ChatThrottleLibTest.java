package org.syncsim.channel.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;

class ChatThrottleLibTest {
    /**
     * 250-byte messages as the game counts them: prefix "TWRA" + 1 separator + 245 bytes of text (the vanilla path
     * refuses more than 255); ChatThrottleLib's cost adds MSG_OVERHEAD: 250 + 40 = 290.
     */
    private static final int TEXT = 245;
    private static final int COST = 290;
    private static final long T0 = SimTime.seconds(10);

    record Left(long id, String prefix, Priority priority, long time, long queued) {
    }

    private final Simulation sim = new Simulation(1);
    private final List<Left> left = new ArrayList<>();
    private final List<Long> rejected = new ArrayList<>();
    private final List<int[]> depth = new ArrayList<>();
    private long nextId;

    private ChatThrottleLib ctl(ThrottleConfig cfg, double fps) {
        ThrottleSink sink = new ThrottleSink() {
            @Override
            public void leave(OutgoingMessage m, long now, long queuedMicros) {
                left.add(new Left(m.id(), m.prefix(), m.priority(), now, queuedMicros));
            }

            @Override
            public void reject(OutgoingMessage m, long now, DropReason reason) {
                rejected.add(m.id());
            }
        };
        MetricsRecorder metrics = new MetricsRecorder() {
            @Override
            public void throttleQueue(long time, int client, int queuedMessages, long queuedBytes) {
                depth.add(new int[] {queuedMessages, (int) queuedBytes});
            }
        };
        return new ChatThrottleLib(cfg, 0, sim, sink, metrics, fps, 0);
    }

    private void submitAt(ChatThrottleLib lib, long at, String prefix, Priority prio, int count) {
        sim.post(at, t -> {
            for (int k = 0; k < count; k++) {
                lib.submit(new OutgoingMessage(nextId++, 0, prefix, "x".repeat(TEXT), Distribution.RAID, -1, prio,
                        "T", 0, t), t);
            }
        });
    }

    /**
     * The instants at which ChatThrottleLib's OnUpdate acts after the frame was shown at {@code shownAt}: it adds
     * each frame's duration to a counter and acts on the first frame where the counter reaches 0.08 s, then resets
     * it. With a constant frame period that is every {@code ceil(80 ms / period)} frames.
     */
    private static long act(FrameClock clock, long shownAt, int j) {
        long framesPerAct = (SimTime.millis(80) + clock.periodMicros() - 1) / clock.periodMicros();
        return clock.after(shownAt) + (j * framesPerAct - 1) * clock.periodMicros();
    }

    @Test
    void burstOf50NormalMessagesLeavesAtTheBudgetedRate() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        submitAt(lib, T0, "TWRA", Priority.NORMAL, 50);
        sim.run(RunLimits.untilEmpty());
        assertEquals(50, left.size());
        // Hand schedule, from the algorithm (ChatThrottleLib v24, MAX_CPS 800, BURST 4000, 60 fps):
        // - Login at 0; the first send at T0 = 10 s is past the 5 s clamp, so UpdateAvail gives
        //   avail = min(BURST, 0 + 800 * 10) = 4000.
        // - Direct sends while nothing is queued and cost < avail: after k sends avail = 4000 - 290k, and
        //   290 < 4000 - 290k holds for k = 0..12, so 13 messages leave at T0 with no wait; avail = 230.
        // - The other 37 are queued in one NORMAL pipe and the OnUpdate frame is shown at T0. Frames are at
        //   multiples of 16 667 us; the handler acts every 5 frames (5 x 16 667 us >= 80 ms > 4 x 16 667 us).
        // - At each act the refill 800 B/s x (time since the last update) goes to the global avail, which is
        //   then handed entirely to NORMAL (the only priority with work) and reset to 0; NORMAL's own budget
        //   therefore holds 230 + 800 x (A - T0) minus what it has sent. Queued message i (1-based) leaves at the
        //   first act A with 230 + 800 x (A - T0) - 290 (i - 1) > 290, i.e. 800 x (A - T0) > 290 i - 230.
        //   The refill never approaches BURST (67 bytes per act), so the cap plays no part.
        FrameClock clock = FrameClock.ofFps(60, 0);
        for (int k = 0; k < 13; k++) {
            assertEquals(T0, left.get(k).time(), "direct send " + k);
            assertEquals(0, left.get(k).queued());
        }
        int j = 1;
        for (int i = 1; i <= 37; i++) {
            while (!(800.0 * SimTime.toSeconds(act(clock, T0, j) - T0) > COST * i - 230.0)) {
                j++;
            }
            Left l = left.get(12 + i);
            assertEquals(act(clock, T0, j), l.time(), "queued message " + i);
            assertEquals(l.time() - T0, l.queued());
        }
        // The queued part drains at MAX_CPS: 37 x 290 - 230 bytes at 800 B/s, within one act (83 ms).
        double drain = SimTime.toSeconds(left.get(49).time() - T0);
        assertEquals((37 * COST - 230) / 800.0, drain, 0.084);
        // Queue depth was reported, down to empty.
        assertEquals(0, depth.get(depth.size() - 1)[0]);
        assertEquals(37, depth.stream().mapToInt(d -> d[0]).max().getAsInt());
    }

    @Test
    void lowFrameRateHalvesTheRefillAndCapsTheBudget() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 10);
        submitAt(lib, T0, "TWRA", Priority.NORMAL, 50);
        sim.run(RunLimits.untilEmpty());
        // At 10 fps (< MIN_FPS 20) UpdateAvail adds half the refill and caps avail at MAX_CPS: the first send sees
        // min(800, 0 + 0.5 x 800 x 10) = 800, so two messages go at once (800 -> 510 -> 220), and the remaining 48
        // drain at 400 B/s: (48 x 290 - 220) / 400 s, to within one act (one 100 ms frame at 10 fps).
        assertEquals(T0, left.get(1).time());
        assertTrue(left.get(2).time() > T0);
        double drain = SimTime.toSeconds(left.get(49).time() - T0);
        assertEquals((48 * COST - 220) / 400.0, drain, 0.101);
        double fastDrain = (37 * COST - 230) / 800.0;
        assertTrue(drain > 2 * fastDrain);
    }

    @Test
    void frameRateChangeMidBurstSlowsTheRestDown() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        submitAt(lib, T0, "TWRA", Priority.NORMAL, 50);
        sim.post(T0 + SimTime.seconds(2), t -> lib.setFps(t, 15));
        sim.run(RunLimits.untilEmpty());
        double drain = SimTime.toSeconds(left.get(49).time() - T0);
        // 2 s at 800 B/s, the rest at 400 B/s: 230 + 1600 + 400 (d - 2) = 37 x 290.
        assertEquals(2 + (37 * COST - 230 - 1600) / 400.0, drain, 0.15);
    }

    @Test
    void alertPreemptsQueuedBulk() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        submitAt(lib, T0, "BULK", Priority.BULK, 40); // 13 direct, 27 queued
        long alertAt = T0 + SimTime.seconds(2);
        submitAt(lib, alertAt, "ALRT", Priority.ALERT, 1);
        sim.run(RunLimits.untilEmpty());
        Left alert = left.stream().filter(l -> l.priority() == Priority.ALERT).findFirst().orElseThrow();
        int alertIndex = left.indexOf(alert);
        long bulkStillQueued = left.stream().filter(l -> l.priority() == Priority.BULK && l.time() >= alertAt).count();
        assertTrue(bulkStillQueued >= 20, "the test needs a long BULK queue when ALERT arrives");
        // ALERT gets an equal share of every refill while it waits, so it leaves once half the refill covers 295
        // bytes (under 0.8 s at 800 B/s, plus two acts) -- ahead of the ~20 BULK messages queued before it.
        assertTrue(left.get(alertIndex + 1).priority() == Priority.BULK);
        long bulkAfterAlert = left.stream().skip(alertIndex + 1).count();
        assertTrue(bulkAfterAlert >= bulkStillQueued - 2, "ALERT overtook the BULK queue");
        assertTrue(alert.queued() < SimTime.seconds(2 * COST / 800.0 + 0.17), "ALERT waited " + alert.queued());
    }

    @Test
    void roundRobinInterleavesTwoPipesOfOnePriority() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        // 13 messages exhaust the budget directly (see the burst test); the next ones queue: first pipe AAAA, then
        // pipe BBBB. After each message the ring moves to the next pipe.
        submitAt(lib, T0, "FILL", Priority.NORMAL, 13);
        submitAt(lib, T0, "AAAA", Priority.NORMAL, 5);
        submitAt(lib, T0, "BBBB", Priority.NORMAL, 5);
        sim.run(RunLimits.untilEmpty());
        List<String> order = left.stream().skip(13).map(Left::prefix).toList();
        assertEquals(List.of("AAAA", "BBBB", "AAAA", "BBBB", "AAAA", "BBBB", "AAAA", "BBBB", "AAAA", "BBBB"), order);
        assertTrue(left.stream().limit(13).allMatch(l -> l.prefix().equals("FILL") && l.time() == T0));
    }

    @Test
    void hardClampAfterLoginAndAfterLoadingScreen() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        // 1 s after login: avail = min(0 + 0.1 x 800 x 1, 400) = 80 < 290, so even one message queues.
        submitAt(lib, SimTime.seconds(1), "TWRA", Priority.NORMAL, 1);
        sim.run(RunLimits.until(SimTime.seconds(1)));
        assertEquals(0, left.size());
        assertEquals(1, lib.queuedMessages());
        sim.run(RunLimits.untilEmpty());
        // During the clamp the budget grows 80 B/s from 80: 290 is passed after (290 - 80) / 80 = 2.63 s.
        assertEquals(1 + (COST - 80) / 80.0, SimTime.toSeconds(left.get(0).time()), 0.084);
        // A loading screen: no despooling during it, avail = 0 at PLAYER_ENTERING_WORLD.
        left.clear();
        long start = SimTime.seconds(20);
        submitAt(lib, start, "TWRA", Priority.NORMAL, 20); // 13 direct, 7 queued
        sim.post(start + SimTime.millis(10), lib::suspend);
        sim.post(start + SimTime.seconds(3), lib::enterWorld);
        sim.run(RunLimits.untilEmpty());
        assertEquals(20, left.size());
        assertTrue(left.stream().skip(13).allMatch(l -> l.time() > start + SimTime.seconds(3)));
        // PLAYER_ENTERING_WORLD sets avail = 0 and restarts the clamp, but the last update was at T = 20 s, so the
        // clamped refill credits a tenth of everything since then: NORMAL's budget is 0.1 x 800 x (A - 20 s) at
        // act A (each act's share stays under the 400-byte cap), and the first queued message leaves at the first
        // act with 80 x (A - 20 s) > 290, i.e. after 23.625 s, within one act (83 ms).
        double firstQueued = SimTime.toSeconds(left.get(13).time() - start);
        assertTrue(firstQueued > COST / 80.0 && firstQueued <= COST / 80.0 + 0.084, "left at +" + firstQueued);
    }

    @Test
    void vanillaSizeCheckRejectsLongMessagesUnlessDisabled() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        sim.post(T0, t -> lib.submit(new OutgoingMessage(0, 0, "TWRA", "x".repeat(251), Distribution.RAID, -1,
                Priority.NORMAL, "T", 0, t), t)); // 4 + 1 + 251 = 256 > 255
        sim.post(T0, t -> lib.submit(new OutgoingMessage(2, 0, "TWRA", "x".repeat(250), Distribution.RAID, -1,
                Priority.NORMAL, "T", 0, t), t)); // 4 + 1 + 250 = 255: accepted
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(0L), rejected);
        assertEquals(List.of(2L), left.stream().map(Left::id).toList(), "255 bytes with prefix and separator fit");
        ChatThrottleLib open = ctl(ThrottleConfig.ctl().withMaxMessageBytes(0), 60);
        sim.post(T0 + 1, t -> open.submit(new OutgoingMessage(1, 0, "TWRA", "x".repeat(251), Distribution.RAID, -1,
                Priority.NORMAL, "T", 0, t), t));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(2L, 1L), left.stream().map(Left::id).toList());
    }
}
