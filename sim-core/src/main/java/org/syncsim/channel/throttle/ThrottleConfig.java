package org.syncsim.channel.throttle;

import java.util.List;
import org.syncsim.channel.Priority;
import org.syncsim.engine.SimTime;

/**
 * How a client paces its addon messages. Constants are ChatThrottleLib's (vanilla-era v24 unless noted);
 * source: addon-channel.md, "ChatThrottleLib".
 *
 * @param mode {@link Mode#DIRECT} (the raw send, as TWRA does; twra-sync-protocol.md §2.3) or {@link Mode#CTL}
 *     (ChatThrottleLib)
 * @param maxCps refill rate of the budget, bytes per second ({@code MAX_CPS}, 800; older versions 1000, forks 1200)
 * @param burst cap of the budget in bytes ({@code BURST}, 4000; forks 6000)
 * @param overheadBytes bytes added to each message's cost ({@code MSG_OVERHEAD}, 40)
 * @param minFps below this frame rate the refill is halved and capped at {@code maxCps} ({@code MIN_FPS}, 20)
 * @param despoolIntervalMicros the OnUpdate handler acts only when this much frame time has accumulated (0.08 s)
 * @param hardClampMicros after login or a loading screen the refill is a tenth and capped at half of
 *     {@code maxCps} for this long (5 s, added in v11)
 * @param priorityOrder the order the despooler visits priorities: {@code pairs()} over the table the library fills
 *     with ALERT, NORMAL, BULK, which Lua 5.0 (the game's) visits as BULK, NORMAL, ALERT (see {@link #CTL_ORDER})
 * @param maxMessageBytes ChatThrottleLib's own limit on prefix + 1 + text (255 on the vanilla path, see
 *     {@link #CTL_MAX_MESSAGE_BYTES}); 0 disables it, as a fork for Turtle WoW's longer messages would
 */
public record ThrottleConfig(Mode mode, double maxCps, double burst, int overheadBytes, double minFps,
        long despoolIntervalMicros, long hardClampMicros, List<Priority> priorityOrder, int maxMessageBytes) {
    /** Which throttle a client sends through. */
    public enum Mode {
        /** The raw send, no pacing: what TWRA does. */
        DIRECT,
        /** ChatThrottleLib. */
        CTL
    }

    /*
     * The constants below are the one home of ChatThrottleLib's defaults: the scenario records (channel.ctl), the
     * command line (syncsim throttle) and the server's per-message overhead read them, and docs tables are checked
     * against them (ChannelModelDocTest, ChannelDocsTest).
     */
    /** {@code MAX_CPS} of ChatThrottleLib v12+ (v12 lowered it from 1000); addon-channel.md, "ChatThrottleLib". */
    public static final int CTL_MAX_CPS = 800;
    /** {@code BURST} of ChatThrottleLib v12+ (v12 lowered it from 8000); addon-channel.md, "ChatThrottleLib". */
    public static final int CTL_BURST = 4000;
    /** {@code MSG_OVERHEAD} of ChatThrottleLib; addon-channel.md, "ChatThrottleLib". */
    public static final int CTL_MSG_OVERHEAD = 40;
    /** {@code MIN_FPS} of ChatThrottleLib; addon-channel.md, "ChatThrottleLib". */
    public static final int CTL_MIN_FPS = 20;
    /** ChatThrottleLib's OnUpdate acts only after 0.08 s of accumulated frame time. */
    public static final long CTL_DESPOOL_INTERVAL_MICROS = SimTime.millis(80);
    /** ChatThrottleLib v11+: hard clamp for 5 s after login or zoning. */
    public static final long CTL_HARD_CLAMP_MICROS = SimTime.seconds(5);
    /**
     * ChatThrottleLib's vanilla path refuses {@code prefix:len() + 1 + text:len() > 255}, with the message "prefix +
     * message length cannot exceed 254 bytes" (prefix and text without the separator: the same limit).
     */
    public static final int CTL_MAX_MESSAGE_BYTES = 255;
    /**
     * The order of {@code pairs(self.Prio)}: Lua 5.0 (the game's) hashes the keys ALERT, NORMAL, BULK, set in that
     * order by {@code Init}, to nodes 3, 2 and 1 of the table's final 4 nodes, and {@code next} walks the nodes
     * upwards (lstring.c {@code luaS_newlstr}, ltable.c {@code newkey} and {@code rehash}; issue 12, point 5).
     */
    public static final List<Priority> CTL_ORDER = List.of(Priority.BULK, Priority.NORMAL, Priority.ALERT);

    public ThrottleConfig {
        if (mode == null) {
            throw new IllegalArgumentException("throttle mode missing (expected DIRECT or CTL)");
        }
        if (!(maxCps > 0)) {
            throw new IllegalArgumentException("throttle.maxCps must be > 0, got " + maxCps);
        }
        if (!(burst > 0)) {
            throw new IllegalArgumentException("throttle.burst must be > 0, got " + burst);
        }
        if (overheadBytes < 0) {
            throw new IllegalArgumentException("throttle.overhead must be >= 0, got " + overheadBytes);
        }
        if (!(minFps >= 0)) {
            throw new IllegalArgumentException("throttle.minFps must be >= 0, got " + minFps);
        }
        if (despoolIntervalMicros < 0 || hardClampMicros < 0 || maxMessageBytes < 0) {
            throw new IllegalArgumentException("throttle intervals and maxMessageBytes must be >= 0");
        }
        priorityOrder = List.copyOf(priorityOrder);
        if (priorityOrder.size() != 3 || priorityOrder.stream().distinct().count() != 3) {
            throw new IllegalArgumentException("throttle.priorityOrder must name ALERT, NORMAL and BULK once each, got "
                    + priorityOrder);
        }
    }

    /** Unthrottled: the raw send, as the TWRA addon does. The channel's default. */
    public static ThrottleConfig direct() {
        return ctl().withMode(Mode.DIRECT);
    }

    /** ChatThrottleLib v24 constants. */
    public static ThrottleConfig ctl() {
        return new ThrottleConfig(Mode.CTL, CTL_MAX_CPS, CTL_BURST, CTL_MSG_OVERHEAD, CTL_MIN_FPS,
                CTL_DESPOOL_INTERVAL_MICROS, CTL_HARD_CLAMP_MICROS,
                CTL_ORDER, CTL_MAX_MESSAGE_BYTES);
    }

    public ThrottleConfig withMode(Mode newMode) {
        return new ThrottleConfig(newMode, maxCps, burst, overheadBytes, minFps, despoolIntervalMicros,
                hardClampMicros, priorityOrder, maxMessageBytes);
    }

    public ThrottleConfig withRates(double newMaxCps, double newBurst) {
        return new ThrottleConfig(mode, newMaxCps, newBurst, overheadBytes, minFps, despoolIntervalMicros,
                hardClampMicros, priorityOrder, maxMessageBytes);
    }

    public ThrottleConfig withOverhead(int newOverhead) {
        return new ThrottleConfig(mode, maxCps, burst, newOverhead, minFps, despoolIntervalMicros,
                hardClampMicros, priorityOrder, maxMessageBytes);
    }

    public ThrottleConfig withMinFps(double newMinFps) {
        return new ThrottleConfig(mode, maxCps, burst, overheadBytes, newMinFps, despoolIntervalMicros,
                hardClampMicros, priorityOrder, maxMessageBytes);
    }

    public ThrottleConfig withMaxMessageBytes(int newMax) {
        return new ThrottleConfig(mode, maxCps, burst, overheadBytes, minFps, despoolIntervalMicros,
                hardClampMicros, priorityOrder, newMax);
    }

    public ThrottleConfig withPriorityOrder(List<Priority> order) {
        return new ThrottleConfig(mode, maxCps, burst, overheadBytes, minFps, despoolIntervalMicros,
                hardClampMicros, order, maxMessageBytes);
    }
}
