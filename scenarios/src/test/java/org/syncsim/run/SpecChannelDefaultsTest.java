package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syncsim.channel.ChannelConfig;
import org.syncsim.channel.Priority;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.engine.SimTime;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * A scenario that says nothing about the channel runs with the channel spec's constants. The expected numbers are
 * written here from /work/shared/spec/addon-channel.md (the independent source, section named at each), not read from
 * the code's constants: moving a default in any layer (sim-core config, scenario records) fails this test.
 */
class SpecChannelDefaultsTest {

    @Test
    void aScenarioWithNoChannelBlockRunsWithTheSpecsConstants() {
        LoadedScenario s = ScenarioLoader.load("minimal.yaml", "raid: { size: 5 }\n", "minimal");
        ChannelConfig c = StandardWorld.channelConfig(s.scenario().channel(), s);

        // "The send call and its limits": Turtle WoW accepts about 2042 characters, the default for TWRA scenarios
        assertEquals("turtle", c.realm().profile());
        assertEquals(2042, c.realm().maxLength());

        // "ChatThrottleLib": TWRA does not use it (it calls the raw send)
        assertEquals(ThrottleConfig.Mode.DIRECT, c.throttle().mode());
        // "ChatThrottleLib": MAX_CPS = 800 bytes/s, MSG_OVERHEAD = 40 bytes per message, BURST = 4000, MIN_FPS = 20
        assertEquals(800, c.throttle().maxCps());
        assertEquals(40, c.throttle().overheadBytes());
        assertEquals(4000, c.throttle().burst());
        assertEquals(20, c.throttle().minFps());
        // "ChatThrottleLib", despooling: acts only when at least 0.08 s have passed since it last acted
        assertEquals(SimTime.millis(80), c.throttle().despoolIntervalMicros());
        // "ChatThrottleLib": during the first 5 s after login or after any loading screen, a tenth of the refill
        assertEquals(SimTime.seconds(5), c.throttle().hardClampMicros());
        // "ChatThrottleLib": iteration order is the Lua table order; pairs() in Lua 5.0 (issue 12, point 5)
        assertEquals(List.of(Priority.BULK, Priority.NORMAL, Priority.ALERT), c.throttle().priorityOrder());

        // "The server": a per-client token bucket on bytes, default rate 2000 B/s, burst 32 KB, overflow disconnects
        // the client for 30 s; bytes are counted with ChatThrottleLib's MSG_OVERHEAD of 40
        assertEquals(2000, c.server().rateBytesPerSecond());
        assertEquals(32 * 1024, c.server().burstBytes());
        assertEquals("disconnect", c.server().overflow());
        assertEquals(SimTime.seconds(30), c.server().disconnectMicros());
        assertEquals(40, c.server().messageOverheadBytes());

        // "The server", relay latency: median 80 ms and 95th percentile 250 ms per delivery, FIFO per sender
        assertEquals(80, c.latency().medianMillis());
        assertEquals(250, c.latency().p95Millis());
        assertEquals(true, c.latency().fifo());

        // "Delivery is over the game's TCP connection": no loss at the addon level beyond presence
        assertEquals("none", c.loss().model());

        // "Game client facts that matter": 60 fps default
        assertEquals(60, c.presence().fps());
    }
}
