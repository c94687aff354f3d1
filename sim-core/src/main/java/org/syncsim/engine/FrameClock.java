package org.syncsim.engine;

/**
 * A game client's rendered frames: frame {@code k} at {@code origin + round(k * 10^6 / fps)} microseconds. OnUpdate
 * work (the addon's timers, the throttle library's despooling) happens only on frames, so a delay is quantised up
 * to the next frame. Computing frame instants arithmetically lets a component wake on the frame it needs instead
 * of ticking every frame.
 *
 * <p>Each instant is rounded on its own from the exact {@code k / fps}, never built by adding a rounded period: a
 * rounded period (60 fps: 16 667 µs) would put frame 3 600 1.2 ms late after a minute, so whether an event fell
 * before or after the frame it coincides with would depend on the rounding direction (issue 12).
 *
 * @param originMicros an instant at which a frame (frame 0) is rendered
 * @param fps frames per second
 */
public record FrameClock(long originMicros, double fps) {
    /**
     * {@code GetTime()} at virtual time 0, in seconds: the machine's uptime, one day for every client by default
     * (twra-sync-protocol.md §7). The addon clients' clock and the throttle library both read it.
     */
    public static final double DEFAULT_GET_TIME_ORIGIN_SECONDS = 86_400.0;

    public FrameClock {
        if (!(fps > 0) || Double.isInfinite(fps)) {
            throw new IllegalArgumentException("frame rate must be a positive number of frames per second, got " + fps);
        }
    }

    /** Frames at {@code fps} per second, one of them at {@code origin}. */
    public static FrameClock ofFps(double fps, long originMicros) {
        return new FrameClock(originMicros, fps);
    }

    /** The instant of frame {@code k} (frame 0 is at the origin). */
    public long instant(long k) {
        return originMicros + Math.round(k * (double) SimTime.MICROS_PER_SECOND / fps);
    }

    /** The index of the last frame at or before {@code t}. */
    public long indexAtOrBefore(long t) {
        long k = (long) Math.floor((t - originMicros) * fps / SimTime.MICROS_PER_SECOND);
        while (instant(k + 1) <= t) {
            k++;
        }
        while (instant(k) > t) {
            k--;
        }
        return k;
    }

    /** The last frame at or before {@code t}. */
    public long atOrBefore(long t) {
        return instant(indexAtOrBefore(t));
    }

    /** The first frame at or after {@code t}. */
    public long atOrAfter(long t) {
        long k = indexAtOrBefore(t);
        long at = instant(k);
        return at == t ? t : instant(k + 1);
    }

    /** The first frame strictly after {@code t}. */
    public long after(long t) {
        return instant(indexAtOrBefore(t) + 1);
    }
}
