package org.syncsim.protocol.head;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;
import org.syncsim.protocol.client.ClientConfig;
import org.syncsim.protocol.client.EncodedSheet;
import org.syncsim.protocol.client.InitialData;

/** The "Example" button's 300 s navigation override (spec §3.1). */
class HeadExampleButtonTest {
    private static final long T = HeadRaid.EPOCH - 3600;

    /** Two members with liveSync and Tank Sync on, holding the tank sheet at T. */
    private static HeadRaid raid() {
        HeadRaid raid = new HeadRaid(31, true);
        EncodedSheet sheet = HeadRaid.encode(TankSheets.sheet(), T);
        raid.add(2, i -> ClientConfig.defaults(HeadRaid.name(i)).withLiveSync(true).withTankSync(true)
                .withInitialData(new InitialData.Saved(T, sheet)));
        return raid.form();
    }

    private static long ctra(HeadRaid raid, int sender, double fromSeconds) {
        return raid.channel.log().stream().filter(s -> s.prefix().equals("CTRA") && s.sender() == sender
                && s.time() >= SimTime.seconds(fromSeconds)).count();
    }

    @Test
    void localNavigationInsideTheWindowMovesTheViewButBroadcastsNothing() {
        HeadRaid raid = raid();
        raid.at(5, () -> raid.get(0).exampleButton());
        raid.at(10, () -> raid.get(0).navigate(3));
        raid.runUntil(20);
        assertEquals(3, raid.get(0).snapshot().currentSection());
        assertEquals(0, raid.channel.count("SECTION", SimTime.seconds(5)));
        assertEquals(0, ctra(raid, 0, 5));
        assertEquals(1, raid.get(1).snapshot().currentSection());
    }

    @Test
    void windowClosesAfterThreeHundredSeconds() {
        HeadRaid raid = raid();
        raid.at(5, () -> raid.get(0).exampleButton());
        raid.at(304, () -> raid.get(0).navigate(2));
        raid.at(306, () -> raid.get(0).navigate(1));
        raid.runUntil(310);
        assertFalse(raid.get(0).exampleWindowOpen());
        assertEquals(1, raid.channel.count("SECTION", SimTime.seconds(5)));
        assertEquals("SECTION:" + T + ":1", raid.channel.sent("SECTION", SimTime.seconds(5)).get(0).text());
        assertEquals(SimTime.seconds(306), raid.channel.sent("SECTION", SimTime.seconds(5)).get(0).time());
        assertEquals(11, ctra(raid, 0, 305));
    }

    @Test
    void fromSyncNavigationInsideTheWindowSendsNoTankBurst() {
        HeadRaid raid = raid();
        raid.at(5, () -> raid.get(1).exampleButton());
        raid.at(10, () -> raid.get(0).navigate(1));
        raid.runUntil(20);
        assertEquals(1, raid.get(1).snapshot().currentSection());
        assertEquals(11, ctra(raid, 0, 10), "the navigating client bursts");
        assertEquals(0, ctra(raid, 1, 10), "the receiver in the window does not");
    }

    @Test
    void reloadRestoresTheOriginalNavigation() {
        HeadRaid raid = raid();
        raid.at(5, () -> raid.get(0).exampleButton());
        raid.at(6, () -> raid.get(0).reload());
        raid.at(20, () -> raid.get(0).navigate(2));
        raid.runUntil(30);
        assertFalse(raid.get(0).exampleWindowOpen());
        assertEquals(1, raid.channel.count("SECTION", SimTime.seconds(20)));
    }

    @Test
    void secondPressInsideTheWindowDoesNotExtendIt() {
        HeadRaid raid = raid();
        raid.at(5, () -> raid.get(0).exampleButton());
        raid.at(200, () -> raid.get(0).exampleButton());
        raid.at(300, () -> assertTrue(raid.get(0).exampleWindowOpen()));
        raid.at(306, () -> raid.get(0).navigate(2));
        raid.runUntil(310);
        assertEquals(1, raid.channel.count("SECTION", SimTime.seconds(300)));
    }
}
