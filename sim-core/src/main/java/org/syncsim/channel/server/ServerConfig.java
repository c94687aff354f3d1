package org.syncsim.channel.server;

import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.engine.SimTime;

/**
 * The game server's per-client limit on chat/addon bytes: a token bucket. Turtle WoW's real limits are not
 * published; defaults from ChatThrottleLib's comments (addon-channel.md, "The server").
 *
 * @param rateBytesPerSecond refill rate; 2000 B/s "seems safe if nothing else is happening"
 * @param burstBytes bucket size; the server's buffer is "about 32 KB" (32 768)
 * @param overflow {@code disconnect} (default) or {@code drop}
 * @param disconnectMicros how long a disconnected client is gone, until it is back and has reloaded (30 s)
 * @param messageOverheadBytes per-message bytes counted on top of prefix + separator + text, in the bucket and in
 *     every byte the metrics report (40, ChatThrottleLib's {@code MSG_OVERHEAD} estimate)
 */
public record ServerConfig(double rateBytesPerSecond, double burstBytes, String overflow, long disconnectMicros,
        int messageOverheadBytes) {
    /*
     * The one home of the server's defaults: the scenario records (channel.server) read them and docs tables are
     * checked against them.
     */
    /** Sustained bytes per second; addon-channel.md, "The server" (default rate 2000 B/s). */
    public static final int DEFAULT_RATE = 2000;
    /** Bucket size in bytes; addon-channel.md, "The server" (burst 32 KB). */
    public static final int DEFAULT_BURST = 32 * 1024;
    /** Offline time after an overflow; addon-channel.md, "The server" (30 s until back and reloaded). */
    public static final long DEFAULT_DISCONNECT_MICROS = SimTime.seconds(30);
    /** Per-message bytes counted on top of the text: ChatThrottleLib's {@code MSG_OVERHEAD} estimate. */
    public static final int DEFAULT_OVERHEAD = ThrottleConfig.CTL_MSG_OVERHEAD;

    public ServerConfig {
        if (!(rateBytesPerSecond > 0) || !(burstBytes > 0)) {
            throw new IllegalArgumentException("server rate and burst must be > 0, got " + rateBytesPerSecond + " B/s, "
                    + burstBytes + " B");
        }
        if (messageOverheadBytes < 0) {
            throw new IllegalArgumentException("server.messageOverhead must be >= 0, got " + messageOverheadBytes);
        }
        ServerOverflow.named(overflow, disconnectMicros);
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_RATE, DEFAULT_BURST, "disconnect", DEFAULT_DISCONNECT_MICROS,
                DEFAULT_OVERHEAD);
    }

    /** A server that never limits (benchmarks, unit tests of other parts). */
    public static ServerConfig unlimited() {
        return new ServerConfig(Double.MAX_VALUE / 4, Double.MAX_VALUE / 4, "drop", DEFAULT_DISCONNECT_MICROS,
                DEFAULT_OVERHEAD);
    }

    public ServerConfig withLimit(double rate, double burst) {
        return new ServerConfig(rate, burst, overflow, disconnectMicros, messageOverheadBytes);
    }

    public ServerConfig withOverflow(String policy, long micros) {
        return new ServerConfig(rateBytesPerSecond, burstBytes, policy, micros, messageOverheadBytes);
    }

    public ServerConfig withOverhead(int bytes) {
        return new ServerConfig(rateBytesPerSecond, burstBytes, overflow, disconnectMicros, bytes);
    }
}
