package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.link.LatencyConfig;
import org.syncsim.engine.RunLimits;
import org.syncsim.engine.SimTime;
import org.syncsim.engine.Simulation;
import org.syncsim.metrics.DropReason;

/**
 * The group's roster as the game shows it (addon-channel.md, "Game client facts that matter": at most 40 members in
 * a raid, 5 in a party) and what {@code GetRaidRosterInfo} tells a viewer.
 */
class GroupBusRosterTest {
    private final Simulation sim = new Simulation(7);
    private final Ledger ledger = new Ledger();
    private final List<List<Long>> rosterCalls = new ArrayList<>();
    private final ChannelConfig config = ChannelConfig.defaults().withLatency(LatencyConfig.constant(10));
    private final GroupBus bus = new GroupBus(sim, config, ledger);

    private void register(int clients) {
        for (int i = 0; i < clients; i++) {
            List<Long> calls = new ArrayList<>();
            rosterCalls.add(calls);
            bus.register(i, (now, prefix, text, d, sender) -> { }, calls::add);
        }
    }

    @Test
    void aViewerSeesGroupedMembersOnlineUnlessTheyAreOffline() {
        register(8); // exactly fills the initial client table: ids 0..7
        for (int i = 0; i < 7; i++) {
            bus.join(i);
        }
        assertTrue(bus.inRosterOnline(0, 6));
        assertTrue(bus.inRosterOnline(6, 0));
        assertTrue(bus.inRosterOnline(3, 3));
        bus.setPresence(5, Presence.LOADING);
        assertTrue(bus.inRosterOnline(0, 5), "a member on a loading screen is still online in the roster");
        bus.setPresence(5, Presence.OFFLINE);
        assertFalse(bus.inRosterOnline(0, 5), "an offline member is not");
        assertTrue(bus.inRosterOnline(5, 0), "an offline viewer still has its group");
        assertFalse(bus.inRosterOnline(0, 7), "client 7 is not in the group");
        assertFalse(bus.inRosterOnline(7, 0), "an ungrouped viewer sees nobody");
        assertFalse(bus.inRosterOnline(0, 8), "no client 8");
        assertFalse(bus.inRosterOnline(8, 0));
        assertFalse(bus.inRosterOnline(-1, 0));
        assertFalse(bus.inRosterOnline(0, -1));
        assertEquals(8, bus.clientLimit());
    }

    @Test
    void aPartyHoldsFiveMembersAndConvertingAFullerGroupIsRefused() {
        register(6);
        for (int i = 0; i < 5; i++) {
            bus.join(i);
        }
        bus.setGroupType(GroupType.PARTY); // exactly 5: allowed
        assertSame(GroupType.PARTY, bus.groupType());
        assertThrows(IllegalStateException.class, () -> bus.join(5), "a sixth member cannot join a party");
        bus.setGroupType(GroupType.RAID);
        bus.join(5);
        assertEquals(6, bus.memberCount());
        assertThrows(IllegalStateException.class, () -> bus.setGroupType(GroupType.PARTY));
        assertSame(GroupType.RAID, bus.groupType());
    }

    @Test
    void convertingTheGroupFiresTheRosterHandlersOfOnlineMembersOnlyWhenTheTypeChanges() {
        register(3);
        bus.join(0);
        bus.join(1);
        int before0 = rosterCalls.get(0).size();
        int before2 = rosterCalls.get(2).size();
        bus.setGroupType(GroupType.RAID); // already a raid: nothing happens
        assertEquals(before0, rosterCalls.get(0).size());
        bus.setGroupType(GroupType.PARTY);
        assertEquals(before0 + 1, rosterCalls.get(0).size());
        assertEquals(before2, rosterCalls.get(2).size(), "client 2 is not in the group");
    }

    @Test
    void aRaidLimitBoundsTheMembersAndMustBePositive() {
        register(3);
        assertThrows(IllegalArgumentException.class, () -> bus.setRaidLimit(0));
        bus.setRaidLimit(1);
        bus.join(0);
        assertThrows(IllegalStateException.class, () -> bus.join(1), "the raid of one is full");
        bus.setRaidLimit(2);
        bus.join(1);
        assertTrue(bus.isMember(1));
        assertFalse(bus.isMember(2));
        assertEquals(2, bus.memberCount());
    }

    @Test
    void aClientIdBeyondTheRegisteredOnesIsRefusedByName() {
        register(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> bus.isMember(3));
        assertTrue(e.getMessage().contains("client 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bus.presence(-1));
        assertThrows(IllegalArgumentException.class, () -> bus.register(-1, null, null));
    }

    @Test
    void registeringAHighIdFirstMakesRoomForIt() {
        bus.register(20, (now, prefix, text, d, sender) -> { }, t -> { });
        assertEquals(21, bus.clientLimit());
        bus.join(20);
        assertTrue(bus.isMember(20));
        assertThrows(IllegalArgumentException.class, () -> bus.isMember(19), "ids below are not registered");
    }

    @Test
    void logoutAndLoginAtGivenInstantsTakeTheClientOfflineAndBack() {
        register(2);
        bus.join(0);
        bus.join(1);
        bus.logout(1, SimTime.seconds(1));
        bus.login(1, SimTime.seconds(3));
        List<Presence> seen = new ArrayList<>();
        sim.post(SimTime.seconds(2), t -> seen.add(bus.presence(1)));
        sim.post(SimTime.seconds(4), t -> seen.add(bus.presence(1)));
        // A send while logged out is refused at the send call.
        sim.post(SimTime.seconds(2), t -> bus.send(1, "TWRA", "x", Distribution.RAID, AddonChannel.NO_TARGET,
                Priority.NORMAL, "T"));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(Presence.OFFLINE, Presence.ONLINE), seen);
        assertEquals(DropReason.SENDER_OFFLINE, ledger.rejected.get(0L).reason());
    }

    @Test
    void presenceSetForALaterInstantTakesEffectThen() {
        register(2);
        bus.setPresence(0, Presence.LOADING, SimTime.seconds(2));
        List<Presence> seen = new ArrayList<>();
        sim.post(SimTime.seconds(1), t -> seen.add(bus.presence(0)));
        sim.post(SimTime.seconds(3), t -> seen.add(bus.presence(0)));
        sim.run(RunLimits.untilEmpty());
        assertEquals(List.of(Presence.ONLINE, Presence.LOADING), seen);
    }

    @Test
    void theChannelAnswersForItsConfigurationRankAndFrameRate() {
        register(2);
        assertSame(config, bus.config());
        assertEquals(PresenceConfig.DEFAULT_FPS, bus.fps(0));
        assertSame(RaidRank.MEMBER, bus.rank(1));
        bus.setRank(1, RaidRank.ASSISTANT);
        assertSame(RaidRank.ASSISTANT, bus.rank(1));
        // Turtle WoW: 2042 characters of text whatever the prefix (addon-channel.md).
        assertEquals(RealmLimits.TURTLE_MAX, bus.maxTextLength("TWRA"));
    }
}
