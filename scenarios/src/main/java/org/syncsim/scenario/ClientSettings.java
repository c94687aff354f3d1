package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings every raid member has unless its roster entry overrides them ({@code raid.defaults}). A missing
 * value takes the built-in default named on each accessor.
 *
 * @param liveSync the addon's "Live Sync" option (default on)
 * @param fps the client's frame rate; timers and the throttle act only on frames (default 60)
 * @param clock the client's wall clock minus true time, e.g. {@code -90s} (default 0s)
 * @param throttle {@code direct} (TWRA) or {@code ctl} (ChatThrottleLib) (default: {@code channel.throttle})
 * @param profile the protocol generation (default: {@code protocol.profile})
 * @param start where the client is at t=0: {@code in-raid}, {@code solo} (online, not grouped) or
 *     {@code offline} (default in-raid)
 * @param data what it holds at t=0: {@code current}, {@code old} or {@code none} (fresh install) (default current)
 * @param tankSync the addon's saved "Tank Sync" option (spec §3.9; default off, the addon's default)
 * @param ora2 whether oRA2/CT_RaidAssist is loaded; Tank Sync sends nothing without it (default true)
 * @param autoNavigate whether the member runs AutoNavigate (SuperWoW): a {@code skull-mark} makes it navigate to
 *     the marked mob's section (spec §3.1, §6(a) step 3, B21; default off)
 */
public record ClientSettings(
        Boolean liveSync,
        Double fps,
        ClockOffset clock,
        ThrottleMode throttle,
        ProfileName profile,
        Start start,
        Holds data,
        Boolean tankSync,
        Boolean ora2,
        Boolean autoNavigate) {

    /** Where a client is at t=0. */
    public enum Start {
        @JsonProperty("in-raid") IN_RAID,
        @JsonProperty("solo") SOLO,
        @JsonProperty("offline") OFFLINE
    }

    /** What data a client holds at t=0. */
    public enum Holds {
        /** The sheet the raid is synced on ({@code data.timestamp}). */
        @JsonProperty("current") CURRENT,
        /** An older version ({@code data.old-timestamp}). */
        @JsonProperty("old") OLD,
        /** Nothing: a fresh install (timestamp 0, the example data). */
        @JsonProperty("none") NONE
    }

    public static final ClientSettings EMPTY = new ClientSettings(null, null, null, null, null, null, null, null, null,
            null);

    /** These settings with every missing value taken from {@code fallback}. */
    public ClientSettings over(ClientSettings fallback) {
        return new ClientSettings(
                liveSync != null ? liveSync : fallback.liveSync,
                fps != null ? fps : fallback.fps,
                clock != null ? clock : fallback.clock,
                throttle != null ? throttle : fallback.throttle,
                profile != null ? profile : fallback.profile,
                start != null ? start : fallback.start,
                data != null ? data : fallback.data,
                tankSync != null ? tankSync : fallback.tankSync,
                ora2 != null ? ora2 : fallback.ora2,
                autoNavigate != null ? autoNavigate : fallback.autoNavigate);
    }
}
