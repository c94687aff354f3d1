package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.syncsim.protocol.data.WowClass;

/**
 * A member's class ({@code class:}), one of WoW 1.12's nine. A sheet cell holding its plural word ({@code
 * Warriors}, ...) mentions the member, so the member's addon adds {@code Tank Columns} to that section (see
 * {@link WowClass}, docs/protocol.md "Tank Columns").
 */
public enum PlayerClass {
    @JsonProperty("warrior") WARRIOR,
    @JsonProperty("priest") PRIEST,
    @JsonProperty("druid") DRUID,
    @JsonProperty("paladin") PALADIN,
    @JsonProperty("shaman") SHAMAN,
    @JsonProperty("mage") MAGE,
    @JsonProperty("warlock") WARLOCK,
    @JsonProperty("hunter") HUNTER,
    @JsonProperty("rogue") ROGUE;

    /** The simulator's class. */
    public WowClass wow() {
        return WowClass.valueOf(name());
    }

    /**
     * The class of a member who names none: by roster position (0-based), cycling through the classes in this
     * order (warrior, priest, druid, paladin, shaman, mage, warlock, hunter, rogue). SyncSim does not keep
     * factions apart (a 1.12 raid has paladins or shamans, not both); only the plural word in sheets matters.
     */
    public static PlayerClass byPosition(int index) {
        return values()[index % values().length];
    }
}
