package org.syncsim.engine;

/** Thrown when a run processes more events than its cap allows: usually a protocol that loops forever. */
public final class EventCapExceededException extends RuntimeException {
    private final long cap;
    private final long time;

    public EventCapExceededException(long cap, long time) {
        super("event cap of " + cap + " events reached at t=" + SimTime.format(time)
                + " without meeting the stop condition; the model may be looping"
                + " (raise the event cap if this run is legitimately that long)");
        this.cap = cap;
        this.time = time;
    }

    public long cap() {
        return cap;
    }

    public long time() {
        return time;
    }
}
