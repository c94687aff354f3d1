package org.syncsim.protocol.clock;

import java.util.LinkedHashSet;
import java.util.Set;
import org.syncsim.engine.FrameClock;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.engine.Timer;

/**
 * The addon's timer table ({@code ScheduleTimer}/{@code CancelTimer}, spec §2.5): a callback runs on the first
 * of the client's frames at which {@code GetTime() >= expiry}, and never in the frame being handled, so a 0 delay
 * fires next frame. Fixed choice for timers expiring in the same frame: they run in scheduling order (the
 * addon's {@code pairs()} order is unspecified). The table is runtime state: {@link #cancelAll()} on reload.
 */
public final class AddonTimers {
    /** A scheduled callback ({@code CancelTimer(id)} is {@link #cancel()}). */
    public final class Handle {
        private Timer timer;

        private Handle() {
        }

        /** Deletes the entry; harmless if it already fired or was cancelled. */
        public void cancel() {
            if (timer != null) {
                timer.cancel();
                live.remove(this);
            }
        }

        /** True while the callback is still due. */
        public boolean isPending() {
            return timer != null && timer.isPending();
        }

        /** The frame instant it will fire at. */
        public long dueAt() {
            return timer.dueAt();
        }
    }

    private final Simulation sim;
    private final FrameClock frames;
    private final Set<Handle> live = new LinkedHashSet<>();

    public AddonTimers(Simulation sim, FrameClock frames) {
        this.sim = sim;
        this.frames = frames;
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
        h.timer = sim.schedule(fireTime(delaySeconds), now -> {
            live.remove(h);
            callback.run();
        });
        live.add(h);
        return h;
    }

    /** Discards every pending timer (reload: the timer table is runtime state). */
    public void cancelAll() {
        for (Handle h : live) {
            h.timer.cancel();
        }
        live.clear();
    }

    /** Timers still pending. */
    public int pendingCount() {
        return live.size();
    }
}
