package org.syncsim.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Realm profiles and presence parameters (addon-channel.md, "The send call and its limits", "Game client facts"). */
class ChannelLimitsTest {
    @Test
    void realmProfilesByName() {
        // vanilla: prefix + 1 + text <= 255, so "TWRA" leaves 250 bytes of text.
        assertEquals(250, RealmLimits.named("vanilla").maxTextLength("TWRA"));
        assertEquals(RealmLimits.vanilla(), RealmLimits.named("vanilla"));
        // turtle: 2042 characters of text, whatever the prefix.
        assertEquals(2042, RealmLimits.named(" Turtle ").maxTextLength("TWRA"));
        assertEquals(RealmLimits.turtle(), RealmLimits.named("turtle"));
        RealmLimits custom = RealmLimits.named("300");
        assertEquals("custom", custom.profile());
        assertEquals(300, custom.maxTextLength("TWRA"));
        assertThrows(IllegalArgumentException.class, () -> RealmLimits.named("retail"));
    }

    @Test
    void aRealmLimitMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> RealmLimits.named("0"));
        assertEquals(1, RealmLimits.named("1").maxLength());
        assertThrows(IllegalArgumentException.class, () -> RealmLimits.turtle().withOversize("split"));
    }

    @Test
    void presenceNeedsAPositiveFrameRateAndANonNegativeLoadingScreen() {
        assertThrows(IllegalArgumentException.class, () -> new PresenceConfig(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new PresenceConfig(Double.POSITIVE_INFINITY, 0));
        assertThrows(IllegalArgumentException.class, () -> new PresenceConfig(60, -1));
        assertEquals(0, new PresenceConfig(60, 0).loadingScreenMicros());
        PresenceConfig p = new PresenceConfig(30, 0);
        assertSame(p, ChannelConfig.defaults().withPresence(p).presence());
    }
}
