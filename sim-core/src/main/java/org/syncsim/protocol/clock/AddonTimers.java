package org.syncsim.protocol.clock;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>Callbacks are not protected (§2.5, B28): the engine runs a callback and deletes its entry only after it
 * returns. A callback scheduled with {@link #scheduleUnprotected} that reports a Lua error ({@link Outcome#RAISED})
 * therefore stays in the table, ends that frame's pass over the timers (the timers after it in scan order do not
 * run that frame) and fires again, from its start, on every later frame until it returns, is cancelled or the table
 * is cleared. While such a timer exists the table runs as one pass per frame over all due timers in scan order
 * (the {@link Order}, applied to the whole table), so a timer after the erroring one never fires while it persists.
 */
public final class AddonTimers {
    /** The order of timers that expire in the same frame, and of the scan of the whole table. */
    public enum Order {
        /** The order they were scheduled in. */
        SCHEDULED,
        /** The reverse: the latest scheduled runs first. */
        REVERSED
    }

    /** How an unprotected callback ended. */
    public enum Outcome {
        /** It returned: the engine deletes the entry. */
        RETURNED,
        /** It raised a Lua error: the entry stays and fires again next frame. */
        RAISED
    }

    /** A callback that may raise a Lua error, reporting it instead of throwing (the client counts it). */
    @FunctionalInterface
    public interface Unprotected {
        Outcome run();
    }

    /** A scheduled callback ({@code CancelTimer(id)} is {@link #cancel()}). */
    public final class Handle {
        private Timer timer; // SCHEDULED: its own engine timer
        private long due;
        private boolean pending;
        private Unprotected callback;
        /** Neighbours in the table ({@link #first}), while {@link #inTable}. */
        private Handle prev;
        private Handle next;
        private boolean inTable;

        private Handle() {
        }

        /** Deletes the entry; harmless if it already fired or was cancelled. */
        public void cancel() {
            if (timer != null) {
                timer.cancel();
            }
            pending = false;
            unlink(this);
        }

        /** True while the callback is still due (or, after it raised, due again next frame). */
        public boolean isPending() {
            return pending;
        }

        /** The frame instant it will fire at (first firing). */
        public long dueAt() {
            return due;
        }
    }

    private final Simulation sim;
    private final FrameClock frames;
    private final Order order;
    private final Consumer<Runnable> onUpdate;
    /**
     * The table in scheduling order, a list linked through the handles (scan order is this order or its reverse,
     * {@link Order}): every scheduled timer enters and leaves it, so it costs no hashing.
     */
    private Handle first;
    private Handle last;
    private int tableSize;
    /** {@link Order#REVERSED}: the timers of each frame that has any, in scheduling order. */
    private final Map<Long, List<Handle>> byFrame = new HashMap<>();
    /** True from a callback's error until a frame's pass runs every due timer without one raising. */
    private boolean passing;
    /** The frame the next pass is posted for, or -1. */
    private long passAt = -1;

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

    /** {@code ScheduleTimer(callback, delay)} for a callback that cannot raise. */
    public Handle schedule(double delaySeconds, Runnable callback) {
        return scheduleUnprotected(delaySeconds, () -> {
            callback.run();
            return Outcome.RETURNED;
        });
    }

    /** {@code ScheduleTimer(callback, delay)} for a callback that may raise a Lua error (B28, see the class). */
    public Handle scheduleUnprotected(double delaySeconds, Unprotected callback) {
        Handle h = new Handle();
        h.due = fireTime(delaySeconds);
        h.pending = true;
        h.callback = callback;
        append(h);
        if (order == Order.SCHEDULED) {
            h.timer = sim.schedule(h.due, now -> {
                if (!passing) {
                    onUpdate.accept(() -> fire(h, now));
                }
            });
            return h;
        }
        byFrame.computeIfAbsent(h.due, t -> {
            sim.post(t, now -> onUpdate.accept(() -> runFrame(now)));
            return new ArrayList<>();
        }).add(h);
        return h;
    }

    /** {@link Order#REVERSED}: this frame's timers, latest scheduled first (none can be added to this frame). */
    private void runFrame(long now) {
        List<Handle> due = byFrame.remove(now);
        if (passing) {
            return; // this frame's pass runs them
        }
        for (int i = due.size() - 1; i >= 0; i--) {
            Handle h = due.get(i);
            if (h.pending && !fire(h, now)) {
                return;
            }
        }
    }

    /**
     * Runs one callback as the engine does: the entry is deleted once it returns; if it raised, the entry stays,
     * the pass ends and the per-frame passes begin. False if it raised.
     */
    private boolean fire(Handle h, long now) {
        h.pending = false;
        Outcome outcome = h.callback.run();
        if (outcome == Outcome.RETURNED || !h.inTable) {
            unlink(h);
            return outcome == Outcome.RETURNED;
        }
        h.pending = true;
        passing = true;
        postPass(frames.after(now));
        return false;
    }

    /** One frame's pass over the whole table while a timer raised: due timers in scan order, until one raises. */
    private void pass(long now) {
        passAt = -1;
        List<Handle> scan = new ArrayList<>(tableSize);
        for (Handle h = first; h != null; h = h.next) {
            scan.add(h);
        }
        if (order == Order.REVERSED) {
            Collections.reverse(scan);
        }
        boolean raised = false;
        for (Handle h : scan) {
            if (h.pending && h.due <= now) {
                if (h.timer != null) {
                    h.timer.cancel();
                }
                if (!fire(h, now)) {
                    raised = true;
                    break;
                }
            }
        }
        if (!raised) {
            passing = false; // every due timer ran: the timers' own firings take over again
        }
    }

    private void postPass(long at) {
        if (passAt != at) {
            passAt = at;
            sim.post(at, now -> onUpdate.accept(() -> pass(now)));
        }
    }

    /** Discards every pending timer (reload: the timer table is runtime state). */
    public void cancelAll() {
        for (Handle h = first; h != null; ) {
            Handle next = h.next;
            if (h.timer != null) {
                h.timer.cancel();
            }
            h.pending = false;
            h.inTable = false;
            h.prev = null;
            h.next = null;
            h = next;
        }
        first = null;
        last = null;
        tableSize = 0;
        passing = false;
    }

    /** Timers still pending (an erroring timer included: it stays in the table). */
    public int pendingCount() {
        return tableSize;
    }

    private void append(Handle h) {
        h.inTable = true;
        h.prev = last;
        if (last == null) {
            first = h;
        } else {
            last.next = h;
        }
        last = h;
        tableSize++;
    }

    private void unlink(Handle h) {
        if (!h.inTable) {
            return;
        }
        if (h.prev == null) {
            first = h.next;
        } else {
            h.prev.next = h.next;
        }
        if (h.next == null) {
            last = h.prev;
        } else {
            h.next.prev = h.prev;
        }
        h.prev = null;
        h.next = null;
        h.inTable = false;
        tableSize--;
    }

    /** True while a timer that raised a Lua error keeps the table in per-frame passes (B28). */
    public boolean erroring() {
        return passing;
    }
}
