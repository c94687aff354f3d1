package org.syncsim.channel.throttle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.Distribution;
import org.syncsim.channel.OutgoingMessage;
import org.syncsim.channel.Priority;
import org.syncsim.channel.SendOrigin;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;
import org.syncsim.metrics.MetricsRecorder;

/**
 * ChatThrottleLib v24's frame-rate clamp and queue (addon-channel.md, "ChatThrottleLib"): 250-byte messages cost
 * 250 + MSG_OVERHEAD 40 = 290; ten seconds after login a send sees avail = min(BURST 4000, 800 x 10), so 13 leave at
 * once (290 < 4000 - 290k for k = 0..12) and the rest queue in one pipe.
 */
class ChatThrottleLibQueueTest {
    private static final int TEXT = 245;
    private static final int COST = 290;
    private static final long T0 = SimTime.seconds(10);

    private final Simulation sim = new Simulation(3);
    private final List<Long> leftAt = new ArrayList<>();
    private final List<DropReason> rejected = new ArrayList<>();
    private final List<long[]> depth = new ArrayList<>();
    private final List<Long> queued = new ArrayList<>();
    private long nextId;

    private ChatThrottleLib ctl(double fps) {
        ThrottleSink sink = new ThrottleSink() {
            @Override
            public void leave(OutgoingMessage m, long now, long queuedMicros) {
                leftAt.add(now);
            }

            @Override
            public void reject(OutgoingMessage m, long now, DropReason reason) {
                rejected.add(reason);
            }
        };
        MetricsRecorder metrics = new MetricsRecorder() {
            @Override
            public void messageQueued(long time, long messageId, int sender, String command, int bytes) {
                queued.add(messageId);
            }

            @Override
            public void throttleQueue(long time, int client, int queuedMessages, long queuedBytes) {
                depth.add(new long[] {queuedMessages, queuedBytes});
            }
        };
        return new ChatThrottleLib(ThrottleConfig.ctl(), 0, sim, sink, metrics, fps, 0);
    }

    private void submitAt(ChatThrottleLib lib, long at, int count) {
        sim.post(at, t -> {
            for (int k = 0; k < count; k++) {
                lib.submit(new OutgoingMessage(nextId++, 0, "TWRA", "x".repeat(TEXT), Distribution.RAID, -1,
                        Priority.NORMAL, "T", 0, t), t, SendOrigin.EVENT_HANDLER);
            }
        });
    }

    private long leftAtInstant(long t) {
        return leftAt.stream().filter(x -> x == t).count();
    }

    @Test
    void atExactlyMinFpsTheRefillIsNotHalved() {
        // "else if the frame rate is below MIN_FPS": 20 fps is not below 20, so the full refill up to BURST applies.
        ChatThrottleLib lib = ctl(ThrottleConfig.CTL_MIN_FPS);
        submitAt(lib, T0, 20);
        sim.run(RunLimits.until(T0));
        assertEquals(13, leftAtInstant(T0));
    }

    @Test
    void queuedMessagesAreCountedInTheQueueMetrics() {
        ChatThrottleLib lib = ctl(60);
        submitAt(lib, T0, 15);
        sim.run(RunLimits.until(T0));
        assertEquals(List.of(13L, 14L), queued, "the 14th and 15th message wait");
        assertArrayEquals(new long[] {1, COST}, depth.get(0));
        assertArrayEquals(new long[] {2, 2 * COST}, depth.get(1));
        assertEquals(2, lib.queuedMessages());
    }

    @Test
    void aDiscardedQueueIsGoneAndTheSamePipeWorksAfterwards() {
        ChatThrottleLib lib = ctl(60);
        submitAt(lib, T0, 50); // 13 leave, 37 wait
        sim.post(T0, t -> lib.discard(t, DropReason.SENDER_OFFLINE));
        sim.run(RunLimits.until(T0));
        assertEquals(37, rejected.size());
        assertEquals(0, lib.queuedMessages());
        assertArrayEquals(new long[] {0, 0}, depth.get(depth.size() - 1), "the queue depth falls to zero");
        // Ten seconds later the budget is full again: 13 leave at once and the other 7, queued in a pipe of the
        // same name (prefix, distribution, target) as the discarded one, drain as usual.
        long t1 = T0 + SimTime.seconds(10);
        submitAt(lib, t1, 20);
        sim.run(RunLimits.untilEmpty());
        assertEquals(13 + 20, leftAt.size());
        assertEquals(13, leftAtInstant(t1));
    }
}
