package org.syncsim.channel;

/** The kind of group the simulated players form; decides whether RAID or PARTY messages reach it. */
public enum GroupType {
    /** Up to 40 members (8 groups of 5); {@code GetNumRaidMembers()} counts them, RAID messages reach them. */
    RAID,
    /** Up to 5 members; {@code GetNumPartyMembers()} counts the others, PARTY messages reach them. */
    PARTY
}
