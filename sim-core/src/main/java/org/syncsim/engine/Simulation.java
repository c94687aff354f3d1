package org.syncsim.engine;

import java.util.function.BooleanSupplier;

/**
 * One simulation run: owns virtual time (integer microseconds), the pending-event set, the named random
 * streams and the optional trace. Single-threaded by design; parallelism is across runs.
 *
 * <p>Two ways to schedule: {@link #post} for fire-and-forget actions (allocates nothing when the action is a
 * shared instance) and {@link #schedule}/{@link #every} for {@link Timer}s that can be cancelled.
 */
public final class Simulation {
    private final EventQueue queue;
    private final RandomStreams random;
    private TraceSink trace;
    private long now;
    private long eventsProcessed;
    /** Queue entries that belong to cancelled or rescheduled timers and will be skipped when they surface. */
    private int staleEntries;
    /**
     * True while the action of the earliest entry runs: that entry is done but still at the root of the queue, and
     * the first event the action schedules takes its place ({@link EventQueue#replaceFirst}, one sift instead of
     * two: most events schedule the next one, e.g. a channel link its next delivery); if it schedules none, the
     * entry is removed after it.
     */
    private boolean rootFired;

    public Simulation(long masterSeed) {
        this(masterSeed, 1024);
    }

    public Simulation(long masterSeed, int initialQueueCapacity) {
        this.queue = new EventQueue(initialQueueCapacity);
        this.random = new RandomStreams(masterSeed);
    }

    /** The current virtual time in microseconds. */
    public long now() {
        return now;
    }

    /** Events processed so far (stale entries of cancelled timers not counted). */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Entries in the pending-event set, including not-yet-purged entries of cancelled timers. */
    public int pendingEntries() {
        return rootFired ? queue.size() - 1 : queue.size();
    }

    public RandomStreams random() {
        return random;
    }

    /** Runs {@code action} at instant {@code at}; no handle, cannot be cancelled. */
    public void post(long at, Action action) {
        checkNotPast(at);
        enqueue(at, action);
    }

    /** Runs {@code action} after {@code delay} microseconds; no handle, cannot be cancelled. */
    public void postAfter(long delay, Action action) {
        post(addDelay(delay), action);
    }

    /** Schedules a one-shot cancellable timer at instant {@code at}. */
    public Timer schedule(long at, Action action) {
        Timer timer = new Timer(this, action, 0);
        arm(timer, at);
        return timer;
    }

    /** Schedules a one-shot cancellable timer after {@code delay} microseconds. */
    public Timer scheduleAfter(long delay, Action action) {
        return schedule(addDelay(delay), action);
    }

    /**
     * Schedules a periodic timer: first at {@code firstAt}, then every {@code period} microseconds until
     * cancelled. The same timer object is re-armed each time, so a frame tick allocates nothing.
     */
    public Timer every(long firstAt, long period, Action action) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be > 0 microseconds, got " + period);
        }
        Timer timer = new Timer(this, action, period);
        arm(timer, firstAt);
        return timer;
    }

    /** Re-arms a timer (pending or not) to fire at {@code at}; any earlier pending firing is dropped. */
    public void reschedule(Timer timer, long at) {
        timer.cancel();
        arm(timer, at);
    }

    /** Null-safe {@link Timer#cancel()}. */
    public void cancel(Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
    }

    /**
     * Called by a timer whose pending entry (in {@code slot}) was just cancelled; purges the queue when more
     * than 4096 stale entries make up over half of it, so that mass cancellation cannot bloat it.
     */
    void entryWentStale(int slot) {
        queue.markStale(slot);
        staleEntries++;
        if (staleEntries > 4096 && staleEntries > pendingEntries() / 2) {
            queue.purgeStale();
            staleEntries = 0;
        }
    }

    private void arm(Timer timer, long at) {
        checkNotPast(at);
        timer.dueAt = at;
        timer.slot = enqueue(at, timer);
    }

    private int enqueue(long at, Object item) {
        if (rootFired) {
            rootFired = false;
            return queue.replaceFirst(at, item);
        }
        return queue.add(at, item);
    }

    private long addDelay(long delay) {
        if (delay < 0) {
            throw new IllegalArgumentException("delay must be >= 0 microseconds, got " + delay);
        }
        return now + delay;
    }

    private void checkNotPast(long at) {
        if (at < now) {
            throw new IllegalArgumentException("cannot schedule in the past: requested t=" + SimTime.format(at)
                    + " but the clock is at t=" + SimTime.format(now));
        }
    }

    /**
     * Runs events in (time, sequence) order until one of the limits is met. The time limit must not lie before
     * the current time: the clock never goes backwards.
     */
    public RunOutcome run(RunLimits limits) {
        final long until = limits.untilMicros();
        if (rootFired) {
            throw new IllegalStateException("run() called from inside an event's action");
        }
        if (until < now) {
            throw new IllegalArgumentException("time limit t=" + SimTime.format(until)
                    + " lies before the clock at t=" + SimTime.format(now));
        }
        final long cap = limits.eventCap();
        final BooleanSupplier stop = limits.stop();
        final EventQueue q = queue;
        long processedThisCall = 0;
        while (!q.isEmpty()) {
            long t = q.peekTime();
            if (t > until) {
                now = until;
                return RunOutcome.TIME_LIMIT;
            }
            Object item = q.peekItem();
            if (item == EventQueue.STALE) {
                q.removeFirst();
                staleEntries--;
                continue;
            }
            if (processedThisCall == cap) {
                throw new EventCapExceededException(cap, t);
            }
            now = t;
            rootFired = true;
            try {
                if (item instanceof Timer timer) {
                    if (timer.period > 0) {
                        arm(timer, t + timer.period);
                    } else {
                        timer.slot = Timer.IDLE;
                    }
                    timer.action.run(t);
                } else {
                    ((Action) item).run(t);
                }
            } finally {
                if (rootFired) {
                    rootFired = false;
                    q.removeFirst();
                }
            }
            processedThisCall++;
            eventsProcessed++;
            if (stop != null && stop.getAsBoolean()) {
                return RunOutcome.STOPPED;
            }
        }
        return RunOutcome.QUEUE_EMPTY;
    }

    /** Attaches a trace sink ({@code null} to switch tracing off). */
    public void setTrace(TraceSink sink) {
        this.trace = sink;
    }

    /** True when a trace sink is attached; callers test this before building trace details. */
    public boolean tracing() {
        return trace != null;
    }

    /** Records a trace line at the current time if tracing is on. */
    public void trace(String kind, String details) {
        if (trace != null) {
            trace.record(now, kind, details);
        }
    }
}
