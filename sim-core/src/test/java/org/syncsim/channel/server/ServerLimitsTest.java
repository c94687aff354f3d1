package org.syncsim.channel.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.engine.SimTime;

/** The server's per-client token bucket on bytes (addon-channel.md, "The server"). */
class ServerLimitsTest {
    @Test
    void aMessageOfExactlyTheTokensLeftPassesAndEmptiesTheBucket() {
        TokenBucket b = new TokenBucket(10, 100, 0);
        assertEquals(100, b.tokens(), "a bucket starts full");
        assertTrue(b.tryTake(0, 100));
        assertEquals(0, b.tokens());
        assertFalse(b.tryTake(0, 1));
        assertTrue(b.tryTake(SimTime.seconds(1), 10), "one second refills 10 bytes");
        assertFalse(b.tryTake(SimTime.seconds(1), 1));
        assertTrue(b.tryTake(SimTime.seconds(100), 100));
        assertFalse(b.tryTake(SimTime.seconds(100), 1), "the refill is capped at the burst");
    }

    @Test
    void serverParametersAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withLimit(0, 100));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withLimit(100, 0));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withOverhead(-1));
        assertEquals(0, ServerConfig.defaults().withOverhead(0).messageOverheadBytes());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withOverflow("disconnect", -1));
        assertEquals(new ServerOverflow.Disconnect(0), ServerOverflow.named("Disconnect", 0));
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.defaults().withOverflow("queue", 0));
    }
}
