package org.syncsim.channel.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.channel.SendOrigin;
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

    private Simulation sim = new Simulation(1);
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
        submitAt(lib, at, prefix, prio, count, TEXT, SendOrigin.EVENT_HANDLER);
    }

    private void submitAt(ChatThrottleLib lib, long at, String prefix, Priority prio, int count, int text,
            SendOrigin origin) {
        sim.post(at, t -> {
            for (int k = 0; k < count; k++) {
                lib.submit(new OutgoingMessage(nextId++, 0, prefix, "x".repeat(text), Distribution.RAID, -1, prio,
                        "T", 0, t), t, origin);
            }
        });
    }

    /** {@code GetTime()} as the library reads it at {@code t}. */
    private static double getTime(long t) {
        return ChatThrottleLib.GET_TIME_ORIGIN_SECONDS + t / 1e6;
    }

    /**
     * The instants at which ChatThrottleLib's OnUpdate acts after the frame was shown at {@code shownAt}: it adds
     * each frame's duration to a counter and acts on the first frame where the counter reaches 0.08 s, then resets
     * it. At 60 fps frames last 16 666 or 16 667 us, so that is every 5th frame. A send from an event handler at
     * a frame instant is seen by that frame's OnUpdate, which therefore counts ({@link SendOrigin}).
     */
    private static long act(FrameClock clock, long shownAt, int j) {
        return clock.instant(clock.indexAtOrBefore(clock.atOrAfter(shownAt)) - 1 + 5L * j);
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
        //   round(k x 16 666.67 us); the handler acts every 5 frames (5 frames >= 80 ms > 4 frames).
        // - At each act the refill 800 B/s x (time since the last update) goes to the global avail, which is
        //   then handed entirely to NORMAL (the only priority with work) and reset to 0; NORMAL's own budget
        //   therefore holds 230 + 800 x (A - T0) minus what it has sent, and a message leaves while that budget is
        //   strictly greater than 290. T0 is frame 600 and the burst comes from an event handler, so frame 600
        //   counts: acts at frames 604, 609, ... The refill never approaches BURST (67 bytes per act).
        // - The budget is summed here as the library sums it, in doubles of GetTime(): were exact arithmetic to
        //   give a tie at an act, the rounding of the sum would decide, as it does in the game.
        FrameClock clock = FrameClock.ofFps(60, 0);
        for (int k = 0; k < 13; k++) {
            assertEquals(T0, left.get(k).time(), "direct send " + k);
            assertEquals(0, left.get(k).queued());
        }
        double budget = 230;
        long last = T0;
        int j = 0;
        for (int i = 1; i <= 37; i++) {
            while (!(budget > COST)) {
                long a = act(clock, T0, ++j);
                budget += 800 * (getTime(a) - getTime(last));
                last = a;
            }
            budget -= COST;
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

    /**
     * 13 messages of 290 at {@code at} (after login and clamp) leave at once and leave 230 in the budget; a 14th of
     * 240 queues and leaves at the first act (230 + at least 50 bytes of refill).
     */
    private void burstAndOneMore(ChatThrottleLib lib, long at, SendOrigin origin) {
        submitAt(lib, at, "TWRA", Priority.NORMAL, 13, TEXT, origin);
        submitAt(lib, at, "TWRA", Priority.NORMAL, 1, 240 - 45, origin);
    }

    /**
     * Issue 12, point 2: a burst at T0 = 10 s, a frame instant at 30, 50, 60 and 144 fps. From an event handler,
     * T0's own frame counts towards the 0.08 s; from a timer callback (after the library's OnUpdate of that frame)
     * counting starts one frame later.
     */
    @Test
    void aTimerSendIsSeenOneFrameAfterAnEventHandlerSendAtTheSameFrame() {
        // Frames until OnUpdateDelay reaches 0.08 s: 3 x 33.3 ms, 4 x 20 ms (see the 50 fps test), 5 x 16.7 ms,
        // 12 x 6.94 ms.
        double[] rates = {30, 50, 60, 144};
        int[] framesPerAct = {3, 4, 5, 12};
        for (int r = 0; r < rates.length; r++) {
            FrameClock clock = FrameClock.ofFps(rates[r], 0);
            long frameOfT0 = clock.indexAtOrBefore(T0);
            assertEquals(T0, clock.instant(frameOfT0));
            for (SendOrigin origin : SendOrigin.values()) {
                sim = new Simulation(1);
                left.clear();
                ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), rates[r]);
                burstAndOneMore(lib, T0, origin);
                sim.run(RunLimits.untilEmpty());
                long firstCounted = origin == SendOrigin.EVENT_HANDLER ? frameOfT0 : frameOfT0 + 1;
                assertEquals(clock.instant(firstCounted + framesPerAct[r] - 1), left.get(13).time(),
                        rates[r] + " fps, " + origin);
            }
        }
    }

    /**
     * Issue 12, point 2, at the instant of an act (frame 604): an event handler's send there is in the act's
     * queue, a timer's is not. The send is posted after the act was armed, so the engine alone would run the act
     * first.
     */
    @Test
    void atTheFrameOfAnActAnEventSendIsInItsQueueAndATimerSendIsNot() {
        FrameClock clock = FrameClock.ofFps(60, 0);
        long firstAct = clock.instant(604);
        long thirdAct = clock.instant(614);
        for (SendOrigin origin : SendOrigin.values()) {
            sim = new Simulation(1);
            left.clear();
            ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
            burstAndOneMore(lib, T0, SendOrigin.EVENT_HANDLER);
            sim.post(T0 + 1, t -> submitAt(lib, firstAct, "LATE", Priority.ALERT, 1, 100 - 45, origin));
            sim.run(RunLimits.untilEmpty());
            long late = left.stream().filter(l -> l.prefix().equals("LATE")).findFirst().orElseThrow().time();
            long normal = left.get(left.size() - 1).prefix().equals("LATE") ? left.get(left.size() - 2).time()
                    : left.get(left.size() - 1).time();
            // Event: the act at 604 has 283 bytes for two priorities, 141 each: the 100-byte ALERT leaves, the
            // 240-byte NORMAL waits until 614 (141 + 67 + 67 > 240). Timer: the act at 604 gives NORMAL all 283, it
            // leaves; ALERT is queued after the act and needs two more acts (67, 133 > 100).
            if (origin == SendOrigin.EVENT_HANDLER) {
                assertEquals(List.of(firstAct, thirdAct), List.of(late, normal), origin.name());
            } else {
                assertEquals(List.of(thirdAct, firstAct), List.of(late, normal), origin.name());
            }
        }
    }

    /** Issue 12, point 3: {@code Prio.avail > nSize} and {@code nSize < avail} are strict in the library. */
    @Test
    void aBudgetExactlyEqualToTheCostDoesNotSend() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        // Login at 0; 3.625 s later, during the clamp: avail = 0.1 x 800 x 3.625 = 290 exactly (in doubles too).
        long at = SimTime.millis(3_625);
        submitAt(lib, at, "TWRA", Priority.NORMAL, 1);
        sim.run(RunLimits.until(at));
        assertEquals(0, left.size());
        assertEquals(1, lib.queuedMessages());
        assertEquals(290.0, lib.avail());
        sim.run(RunLimits.untilEmpty());
        assertTrue(left.get(0).time() > at);
    }

    /**
     * Issue 12, point 3: at 50 fps four frames are 0.08 s. The library sums the frames' durations, differences of
     * the double GetTime() (here 86 410.00 and on), and tests {@code OnUpdateDelay < 0.08}: the sum is
     * 0.0800000000017, so it acts on the 4th frame, not the 5th.
     */
    @Test
    void atFiftyFpsTheDespoolerActsOnTheFourthFrameAsDoubleGetTimeSums() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 50);
        double sum = 0;
        for (int k = 501; k <= 504; k++) {
            sum += getTime(SimTime.millis(20L * k)) - getTime(SimTime.millis(20L * (k - 1)));
        }
        assertTrue(sum >= 0.08, "the premise: " + sum);
        burstAndOneMore(lib, T0, SendOrigin.EVENT_HANDLER); // frame 500 (event handler) counts: frames 500..503
        sim.run(RunLimits.untilEmpty());
        assertEquals(T0 + SimTime.millis(60), left.get(13).time());
    }

    /**
     * Issue 12, point 3: a despool exactly 5 s after login. {@code GetTime() - HardThrottlingBeginTime} is
     * 86 405.0 - 86 400.0 = 5.0, not < 5: the refill of that act is no longer clamped.
     */
    @Test
    void aDespoolExactlyAtTheEndOfTheClampIsNotClamped() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 50);
        // At 4.94 s (frame 247): avail = 0.1 x 800 x 4.94 = 395.2; a 290-byte message leaves (105.2 left), a
        // 260-byte one queues. Frames 247..250 make 0.08 s, so the act is at 5.00 s: unclamped it adds
        // 800 x 0.06 = 48 (153.2), clamped it would add 4.8 (110). Then 64 per act: 281.2 > 260 at 5.16 s,
        // where the clamped budget would be 238 and the message would wait for 5.24 s.
        long at = SimTime.millis(4_940);
        submitAt(lib, at, "TWRA", Priority.NORMAL, 1);
        submitAt(lib, at, "TWRA", Priority.NORMAL, 1, 260 - 40 - 5, SendOrigin.EVENT_HANDLER);
        sim.run(RunLimits.untilEmpty());
        assertEquals(at, left.get(0).time());
        assertEquals(SimTime.millis(5_160), left.get(1).time());
    }

    /**
     * Issue 12, point 4: the library loads when the login's loading screen begins (20 s) and keeps that
     * {@code LastAvailUpdate} through {@code PLAYER_ENTERING_WORLD} (30 s), so 1 s after entering the world the
     * budget is min(0.1 x 800 x 11, 400) = 400 and a 290-byte message leaves at once. Counting from the login
     * instant it would have had 80 and waited 2.6 s.
     */
    @Test
    void theFirstUpdateAfterALoginCreditsTheLoadingScreen() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        long loaded = SimTime.seconds(20);
        long entered = SimTime.seconds(30);
        sim.post(entered, t -> lib.login(loaded, t));
        submitAt(lib, entered + SimTime.seconds(1), "TWRA", Priority.NORMAL, 2);
        sim.run(RunLimits.untilEmpty());
        assertEquals(entered + SimTime.seconds(1), left.get(0).time());
        // 110 left; the second waits for 180 more at 80 B/s until the clamp ends at 35 s, then 800 B/s.
        assertTrue(left.get(1).time() > entered + SimTime.seconds(3), "left at " + left.get(1).time());
    }

    /** Issue 12, point 5: within one despool the library serves BULK, then NORMAL, then ALERT ({@code pairs()}). */
    @Test
    void oneDespoolSendsInTheLibrarysPairsOrder() {
        ChatThrottleLib lib = ctl(ThrottleConfig.ctl(), 60);
        burstAndOneMore(lib, T0, SendOrigin.EVENT_HANDLER); // 230 left, a 240-byte NORMAL message queued
        for (Priority p : List.of(Priority.ALERT, Priority.BULK)) {
            submitAt(lib, T0, p.name(), p, 1, 60 - 45, SendOrigin.EVENT_HANDLER);
        }
        sim.run(RunLimits.untilEmpty());
        // The first act has 230 + 67 bytes, 99 per priority: the 60-byte ALERT and BULK leave, NORMAL's 240 waits.
        List<Left> despooled = left.subList(13, 15);
        assertEquals(1, despooled.stream().map(Left::time).distinct().count());
        assertEquals(List.of(Priority.BULK, Priority.ALERT), despooled.stream().map(Left::priority).toList());
        assertEquals(Priority.NORMAL, left.get(15).priority());
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
