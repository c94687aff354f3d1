package org.syncsim.channel;

/**
 * A group member's rank as {@code GetRaidRosterInfo} reports it (2 leader, 1 assistant, 0 member); the ordinal
 * order is the order of authority, leader first.
 */
public enum RaidRank {
    LEADER, ASSISTANT, MEMBER
}
