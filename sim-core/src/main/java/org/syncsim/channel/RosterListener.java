package org.syncsim.channel;

/**
 * A client's {@code RAID_ROSTER_UPDATE} / {@code PARTY_MEMBERS_CHANGED} handler: called on every online group
 * member (the one who joined or left included) whenever the group's membership changes.
 */
@FunctionalInterface
public interface RosterListener {
    void onRosterUpdate(long now);
}
