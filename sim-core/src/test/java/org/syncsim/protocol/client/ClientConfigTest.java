package org.syncsim.protocol.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClientConfigTest {
    @Test
    void aRaidSubgroupIsNoneOrOneToEight() {
        ClientConfig base = ClientConfig.defaults("Tank");
        for (int group : new int[] {0, 1, 8}) {
            assertEquals(group, base.withPlayer(null, group).group());
        }
        for (int group : new int[] {-1, 9}) {
            assertThrows(IllegalArgumentException.class, () -> base.withPlayer(null, group), "group " + group);
        }
    }

    @Test
    void aNameIsNonEmptyAndColonFree() {
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.defaults(""));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.defaults("a:b"));
        assertThrows(IllegalArgumentException.class, () -> ClientConfig.defaults(":ab"), "a colon first, too");
        assertEquals("Tank", ClientConfig.defaults("Tank").name());
    }

    @Test
    void withersChangeOnlyTheirOwnFields() {
        ClientConfig base = ClientConfig.defaults("Tank");
        ClientConfig framed = base.withFrames(30, 1234);
        assertEquals(30, framed.fps());
        assertEquals(1234, framed.frameOriginMicros());
        assertEquals(base.version(), framed.version());
        ClientConfig versioned = base.withVersion("1.2.3");
        assertEquals("1.2.3", versioned.version());
        assertEquals(base.fps(), versioned.fps());
    }
}
