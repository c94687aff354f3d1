package org.syncsim.engine;

/**
 * A cancellable (and optionally periodic) scheduled action. The handle can be cancelled in O(1): the queue
 * entry is left behind, marked stale, and skipped when it surfaces (or purged when stale entries pile up).
 */
public final class Timer {
    static final int IDLE = -1;

    private final Simulation owner;
    final Action action;
    final long period;
    /** Queue slot of the pending entry, or {@link #IDLE} when none is pending. */
    int slot = IDLE;
    long dueAt;

    Timer(Simulation owner, Action action, long period) {
        this.owner = owner;
        this.action = action;
        this.period = period;
    }

    /** True while the timer has a pending firing that has not been cancelled. */
    public boolean isPending() {
        return slot != IDLE;
    }

    /** The instant of the pending firing; meaningful only while {@link #isPending()}. */
    public long dueAt() {
        return dueAt;
    }

    /** Zero for a one-shot timer, otherwise the interval between firings in microseconds. */
    public long period() {
        return period;
    }

    /** Cancels the pending firing (and all later ones of a periodic timer). Cancelling twice is harmless. */
    public void cancel() {
        if (slot != IDLE) {
            int stale = slot;
            slot = IDLE;
            owner.entryWentStale(stale);
        }
    }
}
