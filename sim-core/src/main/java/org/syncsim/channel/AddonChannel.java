package org.syncsim.channel;

/**
 * What a simulated client sees of the addon-message channel: the send call, the group-size queries the addon
 * uses to pick RAID or PARTY, and the registration of its event handlers. Clients are dense integer ids.
 */
public interface AddonChannel {
    /** Sentinel for "no whisper target". */
    int NO_TARGET = -1;

    /**
     * {@code SendAddonMessage(prefix, text, distribution[, target])} through the sender's configured path
     * (unthrottled, as TWRA does, or via the ChatThrottleLib model at {@code priority}). Returns at once;
     * delivery happens later as events. {@code command} names the wire command for accounting only.
     */
    void send(int sender, String prefix, String text, Distribution distribution, int target, Priority priority,
            String command);

    /**
     * Runs {@code work} as the client's own OnUpdate script (its addon timers' callbacks): its sends are
     * {@link SendOrigin#ONUPDATE_TIMER}, every other send is {@link SendOrigin#EVENT_HANDLER}.
     */
    default void runOnUpdate(int client, Runnable work) {
        work.run();
    }

    /** {@code GetNumRaidMembers()} as this client sees it: raid size including itself, 0 if not in a raid. */
    int raidMembers(int client);

    /** {@code GetNumPartyMembers()}: other party members, 0 if not in a party (or in a raid). */
    int partyMembers(int client);

    /** Registers a client's handlers for addon messages and roster changes. */
    void register(int client, AddonMessageListener messages, RosterListener roster);

    /**
     * {@code GetRaidRosterInfo} as {@code viewer} sees it: whether {@code other} is in the viewer's group and online
     * (a member in a loading screen is online). False when the viewer is not grouped.
     */
    default boolean inRosterOnline(int viewer, int other) {
        return false;
    }

    /** The rank of {@code client} in its group ({@link RaidRank#MEMBER} when it is not grouped). */
    default RaidRank rank(int client) {
        return RaidRank.MEMBER;
    }

    /** The longest text the realm accepts under {@code prefix} ({@link RealmLimits#maxTextLength}). */
    default int maxTextLength(String prefix) {
        return RealmLimits.turtle().maxTextLength(prefix);
    }

    /** One more than the highest client id the channel knows: the bound of a roster scan. */
    default int clientLimit() {
        return 0;
    }
}
