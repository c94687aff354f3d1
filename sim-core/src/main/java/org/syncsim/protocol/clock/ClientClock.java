package org.syncsim.protocol.clock;

import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;

/**
 * A client's two clocks (spec §7): the wall clock {@code time()} in whole Unix seconds, offset from true time
 * (true time = {@code epochSeconds} + virtual time), and the monotonic {@code GetTime()} in seconds since the
 * machine started ({@code getTimeOrigin} at virtual time 0; uptime, so not reset by a reload).
 *
 * <p>Fixed choice: {@code GetTime()} reads the virtual time of the event being handled, not the start of the
 * client's current frame.
 */
public final class ClientClock {
    /** Default epoch: 2025-05-17 05:00 UTC, the spec's example timestamp {@code 1747458000}. */
    public static final long DEFAULT_EPOCH_SECONDS = 1_747_458_000L;

    private final Simulation sim;
    private final long epochMicros;
    private final long wallOffsetMicros;
    private final double getTimeOrigin;

    public ClientClock(Simulation sim, long epochSeconds, long wallOffsetMicros, double getTimeOrigin) {
        this.sim = sim;
        this.epochMicros = Math.multiplyExact(epochSeconds, SimTime.MICROS_PER_SECOND);
        this.wallOffsetMicros = wallOffsetMicros;
        this.getTimeOrigin = getTimeOrigin;
    }

    /** True time in whole seconds at virtual instant {@code now}. */
    public static long trueSeconds(long epochSeconds, long now) {
        return epochSeconds + Math.floorDiv(now, SimTime.MICROS_PER_SECOND);
    }

    /** {@code time()}: this client's wall clock, whole seconds. */
    public long time() {
        return Math.floorDiv(epochMicros + sim.now() + wallOffsetMicros, SimTime.MICROS_PER_SECOND);
    }

    /** {@code GetTime()}: seconds since this machine started. */
    public double getTime() {
        return getTimeOrigin + SimTime.toSeconds(sim.now());
    }
}
