package org.syncsim.protocol.client;

/**
 * A simulated raid member running one protocol profile. Messages and roster events reach it through the
 * listeners it registers with the channel at construction; a scenario runner drives everything else here.
 */
public interface SyncClient {
    int id();

    String name();

    /** Login / entering the world: runtime state fresh; fires the roster reaction if grouped (§6(d)). */
    void enterWorld();

    /** Leaves the world (logout/disconnect): pending timers die, messages are ignored until {@link #enterWorld}. */
    void leaveWorld();

    /** {@code /reload}: runtime state and timers lost, saved variables kept, then as {@link #enterWorld}. */
    void reload();

    /** A loading screen ends ({@code PLAYER_ENTERING_WORLD}): the addon sends nothing (§6(d) step 2). */
    void loadingScreen();

    /** Imports a sheet (the Base64 import path, §6(b)). */
    void importSheet(SheetSource sheet);

    /** Imports an assignment set of the data layer. */
    default void importSheet(org.syncsim.protocol.data.AssignmentSet set) {
        importSheet(DataSheets.source(set));
    }

    /** Local navigation to a section (button, key binding, slash command, §3.1). */
    void navigate(int index);

    /** The options checkbox "Live Sync" (saved option and runtime flag, §2.7). */
    void setLiveSync(boolean on);

    /** The "Sync All" button: a full push (§2.7). */
    void syncAll();

    ClientSnapshot snapshot();

    /**
     * End-of-run check: reports (and returns true) if the client claims the newest timestamp but holds other
     * content (B9).
     */
    boolean checkDesync();
}
