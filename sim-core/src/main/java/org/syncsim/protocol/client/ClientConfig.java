package org.syncsim.protocol.client;

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
 */
public record ClientConfig(String name, boolean liveSync, boolean tankSync, boolean oRA2Loaded,
        double fps, long frameOriginMicros, long wallOffsetMicros, double getTimeOrigin,
        String version, FixedChoices choices, InitialData initialData) {

    public static final String HEAD_VERSION = "0.1.0";

    public ClientConfig {
        if (name == null || name.isEmpty() || name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("client name must be non-empty and colon-free: " + name);
        }
    }

    /** Defaults: liveSync off, Tank Sync off, 60 fps, exact wall clock, GetTime origin 1 day, example data. */
    public static ClientConfig defaults(String name) {
        return new ClientConfig(name, false, false, true, 60, 0, 0, 86_400.0, HEAD_VERSION, FixedChoices.DEFAULTS,
                InitialData.example());
    }

    public ClientConfig withLiveSync(boolean on) {
        return new ClientConfig(name, on, tankSync, oRA2Loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData);
    }

    /** Saved Tank Sync option; the tanks themselves come from the current section (§3.9, {@link TankList}). */
    public ClientConfig withTankSync(boolean on) {
        return new ClientConfig(name, liveSync, on, oRA2Loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData);
    }

    public ClientConfig withORA2Loaded(boolean loaded) {
        return new ClientConfig(name, liveSync, tankSync, loaded, fps, frameOriginMicros, wallOffsetMicros,
                getTimeOrigin, version, choices, initialData);
    }

    public ClientConfig withFrames(double framesPerSecond, long originMicros) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, framesPerSecond, originMicros,
                wallOffsetMicros, getTimeOrigin, version, choices, initialData);
    }

    public ClientConfig withClocks(long wallOffset, double getTimeOriginSeconds) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros, wallOffset,
                getTimeOriginSeconds, version, choices, initialData);
    }

    public ClientConfig withVersion(String v) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, v, choices, initialData);
    }

    public ClientConfig withChoices(FixedChoices c) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, version, c, initialData);
    }

    public ClientConfig withInitialData(InitialData data) {
        return new ClientConfig(name, liveSync, tankSync, oRA2Loaded, fps, frameOriginMicros,
                wallOffsetMicros, getTimeOrigin, version, choices, data);
    }
}
