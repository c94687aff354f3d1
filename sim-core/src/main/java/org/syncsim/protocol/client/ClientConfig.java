package org.syncsim.protocol.client;

import org.syncsim.engine.FrameClock;
import org.syncsim.protocol.data.PlayerView;
import org.syncsim.protocol.data.WowClass;

/**
 * One simulated client's settings.
 *
 * @param name                character name (unique; used in {@code BSACK} and the BSREQ dedup key)
 * @param liveSync            saved "Live Sync" option (§2.7)
 * @param tankSync            saved "Tank Sync" option (§3.9); its CTRA burst needs {@code oRA2Loaded}
 * @param oRA2Loaded          whether oRA2/CT_RaidAssist is loaded (Tank Sync sends nothing without it)
 * @param fps                 frame rate: addon timers fire on frames (§2.5)
 * @param frameOriginMicros   an instant at which this client renders a frame
 * @param wallOffsetMicros    this client's wall clock minus true time (importer skew, B27)
 * @param getTimeOrigin       {@code GetTime()} at virtual time 0 (machine uptime, §7; must exceed 30 s, §13.9)
 * @param version             addon version announced in {@code VER} (§3.8)
 * @param choices             what the addon leaves unspecified, fixed here (roster event on login, chunk and
 *                            timer order, {@code math.random} seeding)
 * @param initialData         saved variables at the start of the run
 * @param wowClass            the character's class, or {@code null} if unknown (its class group word then
 *                            mentions nobody, {@link PlayerView})
 * @param group               its raid subgroup 1..8, or 0 for none (fixed for the run: SyncSim moves nobody
 *                            between subgroups, so the addon's {@code OnGroupChanged} refresh finds nothing new)
 */
public record ClientConfig(String name, boolean liveSync, boolean tankSync, boolean oRA2Loaded,
        double fps, long frameOriginMicros, long wallOffsetMicros, double getTimeOrigin,
        String version, FixedChoices choices, InitialData initialData, WowClass wowClass, int group) {

    public static final String HEAD_VERSION = "0.1.0";

    public ClientConfig {
        if (name == null || name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("client name must be non-empty and colon-free: " + name);
        }
        if (group < 0 || group > 8) {
            throw new IllegalArgumentException("raid subgroup must be 0 (none) or 1..8, got " + group);
        }
    }

    /**
     * Defaults: liveSync off, Tank Sync off, 60 fps, exact wall clock, GetTime origin 1 day, example data, no class
     * and no raid subgroup (so only its name can make a section mention it).
     */
    public static ClientConfig defaults(String name) {
        return new ClientConfig(name, false, false, true, 60, 0, 0, FrameClock.DEFAULT_GET_TIME_ORIGIN_SECONDS,
                HEAD_VERSION, FixedChoices.DEFAULTS, InitialData.example(), null, 0);
    }

    /** Who the addon thinks the player is when it decides which sections mention it ({@link PlayerView}). */
    public PlayerView player() {
        return new PlayerView(name, wowClass, group);
    }

    /** The character's class ({@code null}: unknown) and raid subgroup (0: none). */
    public ClientConfig withPlayer(WowClass c, int subgroup) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData, c, subgroup);
    }

    public ClientConfig withLiveSync(boolean on) {
        return new ClientConfig(name, on, tankSync, oRA2Loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData, wowClass, group);
    }

    /** Saved Tank Sync option; the tanks themselves come from the current section (§3.9, {@link TankList}). */
    public ClientConfig withTankSync(boolean on) {
        return new ClientConfig(name, liveSync, on, oRA2Loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData, wowClass, group);
    }

    public ClientConfig withORA2Loaded(boolean loaded) {
        return new ClientConfig(name, liveSync, tankSync, loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData, wowClass, group);
    }

    public ClientConfig withFrames(double framesPerSecond, long originMicros) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, framesPerSecond, originMicros,
                wallOffsetMicros, getTimeOrigin, version, choices, initialData, wowClass, group);
    }

    public ClientConfig withClocks(long wallOffset, double getTimeOriginSeconds) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros, wallOffset,
                getTimeOriginSeconds, version, choices, initialData, wowClass, group);
    }

    public ClientConfig withVersion(String v) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, v, choices, initialData, wowClass, group);
    }

    public ClientConfig withChoices(FixedChoices c) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, version, c, initialData, wowClass, group);
    }

    public ClientConfig withInitialData(InitialData data) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, version, choices, data, wowClass, group);
    }
}
