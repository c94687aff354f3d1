package org.syncsim.channel.server;

/** A byte token bucket: refilled continuously at {@code rate} per second, capped at {@code burst}; starts full. */
public final class TokenBucket {
    private final double rate;
    private final double burst;
    private double tokens;
    private long last;

    public TokenBucket(double ratePerSecond, double burst, long now) {
        this.rate = ratePerSecond;
        this.burst = burst;
        reset(now);
    }

    /** Takes {@code bytes} if the bucket holds that many; false (and nothing taken) otherwise. */
    public boolean tryTake(long now, int bytes) {
        tokens = Math.min(burst, tokens + rate * ((now - last) / 1e6));
        last = now;
        if (bytes > tokens) {
            return false;
        }
        tokens -= bytes;
        return true;
    }

    /** Full again (a client that reconnects). */
    public void reset(long now) {
        tokens = burst;
        last = now;
    }

    public double tokens() {
        return tokens;
    }
}
