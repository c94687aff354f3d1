package org.syncsim.protocol.data;

/**
 * WoW 1.12's nine classes, each with the plural "class group" word sheets use to assign a whole class (the keys of
 * {@code TWRA.CLASS_GROUP_NAMES}, {@code core/Constants.lua:146-156}). A player's class makes a sheet row relevant to
 * it when a role cell is exactly that word ({@code core/DataProcessing.lua:131-139, 208}).
 */
public enum WowClass {
    WARRIOR("Warriors"),
    PRIEST("Priests"),
    DRUID("Druids"),
    PALADIN("Paladins"),
    SHAMAN("Shamans"),
    MAGE("Mages"),
    WARLOCK("Warlocks"),
    HUNTER("Hunters"),
    ROGUE("Rogues");

    private final String plural;

    WowClass(String plural) {
        this.plural = plural;
    }

    /** The class group word, e.g. {@code Warriors}. */
    public String plural() {
        return plural;
    }
}
