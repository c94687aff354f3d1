package org.syncsim.protocol.clock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.engine.Timer;

/**
 * The addon's timer table ({@code ScheduleTimer}/{@code CancelTimer}, spec §2.5): a callback runs on the first
 * of the client's frames at which {@code GetTime() >= expiry}, and never in the frame being handled, so a 0 delay
 * fires next frame. Timers expiring in the same frame run in the {@link Order} chosen (the addon's {@code pairs()}
 * order is unspecified, §12.2; default: scheduling order). The table is runtime state: {@link #cancelAll()} on
 * reload. Callbacks run through the client's OnUpdate script ({@code onUpdate}), so that the channel knows their
 * sends come from a timer ({@link org.syncsim.channel.SendOrigin}).
 */
public final class AddonTimers {
    /** The order of timers that expire in the same frame. */
    public enum Order {
        /** The order they were scheduled in. */
        SCHEDULED,
        /** The reverse: the latest scheduled runs first. */
        REVERSED
    }

    /** A scheduled callback ({@code CancelTimer(id)} is {@link #cancel()}). */
    public final class Handle {
        private Timer timer; // SCHEDULED: its own engine timer
        private long due; // REVERSED: the frame it waits for in {@code byFrame}
        private boolean pending;
        private Runnable callback;

        private Handle() {
        }

        /** Deletes the entry; harmless if it already fired or was cancelled. */
        public void cancel() {
            if (timer != null) {
                timer.cancel();
            }
            pending = false;
            live.remove(this);
        }

        /** True while the callback is still due. */
        public boolean isPending() {
            return timer != null ? timer.isPending() : pending;
        }

        /** The frame instant it will fire at. */
        public long dueAt() {
            return timer != null ? timer.dueAt() : due;
        }
    }

    private final Simulation sim;
    private final FrameClock frames;
    private final Order order;
    private final Consumer<Runnable> onUpdate;
    private final Set<Handle> live = new LinkedHashSet<>();
    /** {@link Order#REVERSED}: the timers of each frame that has any, in scheduling order. */
    private final Map<Long, List<Handle>> byFrame = new HashMap<>();

    public AddonTimers(Simulation sim, FrameClock frames) {
        this(sim, frames, Order.SCHEDULED);
    }

    public AddonTimers(Simulation sim, FrameClock frames, Order order) {
        this(sim, frames, order, Runnable::run);
    }

    /** {@code onUpdate} runs the callbacks due on a frame as the client's OnUpdate script. */
    public AddonTimers(Simulation sim, FrameClock frames, Order order, Consumer<Runnable> onUpdate) {
        this.sim = sim;
        this.frames = frames;
        this.order = order;
        this.onUpdate = onUpdate;
    }

    public FrameClock frames() {
        return frames;
    }

    /** The frame at which a timer scheduled now with {@code delaySeconds} fires. */
    public long fireTime(double delaySeconds) {
        long now = sim.now();
        long due = now + SimTime.seconds(delaySeconds);
        return Math.max(frames.atOrAfter(due), frames.after(now));
    }

    /** {@code ScheduleTimer(callback, delay)}. */
    public Handle schedule(double delaySeconds, Runnable callback) {
        Handle h = new Handle();
        long at = fireTime(delaySeconds);
        live.add(h);
        if (order == Order.SCHEDULED) {
            h.timer = sim.schedule(at, now -> {
                live.remove(h);
                onUpdate.accept(callback);
            });
            return h;
        }
        h.due = at;
        h.pending = true;
        h.callback = callback;
        byFrame.computeIfAbsent(at, t -> {
            sim.post(t, now -> onUpdate.accept(() -> runFrame(now)));
            return new ArrayList<>();
        }).add(h);
        return h;
    }

    /** {@link Order#REVERSED}: this frame's timers, latest scheduled first (none can be added to this frame). */
    private void runFrame(long now) {
        List<Handle> due = byFrame.remove(now);
        for (int i = due.size() - 1; i >= 0; i--) {
            Handle h = due.get(i);
            if (h.pending) {
                h.pending = false;
                live.remove(h);
                h.callback.run();
            }
        }
    }

    /** Discards every pending timer (reload: the timer table is runtime state). */
    public void cancelAll() {
        for (Handle h : live) {
            if (h.timer != null) {
                h.timer.cancel();
            }
            h.pending = false;
        }
        live.clear();
    }

    /** Timers still pending. */
    public int pendingCount() {
        return live.size();
    }
}
