package org.syncsim.engine;

/**
 * A game client's rendered frames: instants {@code origin + k * period}. OnUpdate work (the addon's timers,
 * the throttle library's despooling) happens only on frames, so a delay is quantised up to the next frame.
 * Computing frame instants arithmetically lets a component wake on the frame it needs instead of ticking
 * every frame.
 *
 * @param originMicros an instant at which a frame is rendered
 * @param periodMicros time between frames (60 fps: 16 667 µs)
 */
public record FrameClock(long originMicros, long periodMicros) {
    public FrameClock {
        if (periodMicros <= 0) {
            throw new IllegalArgumentException("frame period must be > 0 microseconds, got " + periodMicros);
        }
    }

    /** Frames at {@code fps} per second (period rounded to the microsecond), one of them at {@code origin}. */
    public static FrameClock ofFps(double fps, long originMicros) {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be a positive number of frames per second, got " + fps);
        }
        return new FrameClock(originMicros, Math.max(1, Math.round(SimTime.MICROS_PER_SECOND / fps)));
    }

    /** Frames per second this clock renders. */
    public double fps() {
        return SimTime.MICROS_PER_SECOND / (double) periodMicros;
    }

    /** The first frame at or after {@code t}. */
    public long atOrAfter(long t) {
        long k = Math.floorDiv(t - originMicros + periodMicros - 1, periodMicros);
        return originMicros + k * periodMicros;
    }

    /** The first frame strictly after {@code t}. */
    public long after(long t) {
        return atOrAfter(t + 1);
    }
}
