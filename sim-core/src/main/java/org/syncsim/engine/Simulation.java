package org.syncsim.engine;

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
    private long nextSeq;
    private long eventsProcessed;
    /** Queue entries that belong to cancelled or rescheduled timers and will be skipped when they surface. */
    private int staleEntries;

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
        return queue.size();
    }

    public RandomStreams random() {
        return random;
    }

    /** Runs {@code action} at instant {@code at}; no handle, cannot be cancelled. */
    public void post(long at, Action action) {
        checkNotPast(at);
        queue.add(at, nextSeq++, action);
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

    /** Called by a timer whose pending entry was just cancelled; purges when stale entries dominate. */
    void entryWentStale() {
        staleEntries++;
        if (staleEntries > 4096 && staleEntries > queue.size() / 2) {
            queue.removeIf((seq, item) -> item instanceof Timer t && t.liveSeq != seq);
            staleEntries = 0;
        }
    }

    private void arm(Timer timer, long at) {
        checkNotPast(at);
        long seq = nextSeq++;
        timer.liveSeq = seq;
        timer.dueAt = at;
        queue.add(at, seq, timer);
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

    /** Runs events in (time, sequence) order until one of the limits is met. */
    public RunOutcome run(RunLimits limits) {
        final long until = limits.untilMicros();
        final long cap = limits.eventCap();
        final java.util.function.BooleanSupplier stop = limits.stop();
        long processedThisCall = 0;
        while (!queue.isEmpty()) {
            long t = queue.peekTime();
            if (t > until) {
                now = until;
                return RunOutcome.TIME_LIMIT;
            }
            long seq = queue.peekSeq();
            Object item = queue.peekItem();
            queue.removeFirst();
            if (item instanceof Timer timer) {
                if (timer.liveSeq != seq) {
                    staleEntries--;
                    continue;
                }
                if (processedThisCall == cap) {
                    queue.add(t, seq, timer);
                    throw new EventCapExceededException(cap, t);
                }
                now = t;
                if (timer.period > 0) {
                    arm(timer, t + timer.period);
                } else {
                    timer.liveSeq = Timer.IDLE;
                }
                timer.action.run(t);
            } else {
                if (processedThisCall == cap) {
                    queue.add(t, seq, item);
                    throw new EventCapExceededException(cap, t);
                }
                now = t;
                ((Action) item).run(t);
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
