package org.syncsim.protocol;

/**
 * A client feature that only some profiles model. A scenario that uses one on a member whose profile lacks it is
 * refused at load time, so no run reaches a client that cannot do what the timeline asks.
 */
public enum Capability {
    /** The saved "Tank Sync" option, oRA2 and the Tank Sync checkbox (spec §3.9, B32). */
    TANK_SYNC,
    /** The plain-Lua-text import path (B38). */
    PLAIN_TEXT_IMPORT,
    /** The options' "Example" button (spec §3.1). */
    EXAMPLE_BUTTON,
    /** The full-data pull of the seed generation ({@code DREQ}/{@code DRES}). */
    FULL_DATA_PULL
}
