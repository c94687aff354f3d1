package org.syncsim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syncsim.channel.throttle.ThrottleConfig;
import org.syncsim.metrics.RunResult;
import org.syncsim.scenario.LoadedScenario;
import org.syncsim.scenario.ScenarioLoader;

/**
 * {@code channel.ctl.max-message}: ChatThrottleLib's own length check (addon-channel.md, "Size": prefix + 1 + text
 * at most 255 bytes on the vanilla path) follows the realm unless the scenario sets it.
 */
class CtlMaxMessageTest {
    private static LoadedScenario load(String channel) {
        return ScenarioLoader.load("ctl.yaml", """
                raid: { size: 5 }
                channel: %s
                timeline:
                  - { t: 10s, do: import, who: Raider01 }
                run: { until: all-synced, warm-up: 5s, limit: 10m }
                """.formatted(channel), "ctl");
    }

    private static int maxMessageBytes(String channel) {
        LoadedScenario s = load(channel);
        return StandardWorld.channelConfig(s.scenario().channel(), s).throttle().maxMessageBytes();
    }

    private static RunResult run(String channel) {
        return new ReplicationRunner(StandardWorld.FACTORY).run(load(channel), 0);
    }

    @Test
    void vanillaRealmKeepsTheLibrarysTwoHundredFiftyFiveByteCheck() {
        assertEquals(ThrottleConfig.CTL_MAX_MESSAGE_BYTES, maxMessageBytes("{ realm: vanilla }"));
        assertEquals(255, maxMessageBytes("{ realm: vanilla, throttle: ctl }"));
    }

    @Test
    void turtleRealmHasNoLibraryCheckByDefault() {
        assertEquals(0, maxMessageBytes("{ realm: turtle }"));
        assertEquals(0, maxMessageBytes("{}"));
    }

    @Test
    void anExplicitMaxMessageWinsOnEitherRealm() {
        assertEquals(1000, maxMessageBytes("{ realm: turtle, ctl: { max-message: 1000 } }"));
        assertEquals(0, maxMessageBytes("{ realm: vanilla, ctl: { max-message: 0 } }"));
    }

    @Test
    void throttledTwraOnTurtleSendsItsLongDataMessagesAndEveryMemberSyncs() {
        // the import push carries each 25 x 10 section in CHUNKs of up to 1800 bytes (spec 6(e)), far over 255;
        // before max-message followed the realm, the library refused every one of them
        RunResult r = run("{ realm: turtle, throttle: ctl, server: { on-exceed: none } }");
        assertEquals(0L, r.rejectedByReason().getOrDefault("TOO_LONG", 0L));
        assertTrue(r.sent("CHUNK") > 0);
        assertTrue(r.totalsByCommand().get("CHUNK").sentBytes() / r.sent("CHUNK") > 255, "CHUNKs over 255 bytes");
        assertEquals(0, r.waitingAtEnd());
        assertEquals(4, r.timeToSync().count(), "every other member syncs");
    }

    @Test
    void onVanillaTheLibraryRefusesLongMessagesEvenWhereTheRealmWouldCarryThem() {
        // the realm's limit raised to 2000: direct sends pass, the library's own 255-byte check still refuses
        String realm = "realm: vanilla, message-limit: 2000, server: { on-exceed: none }";
        RunResult direct = run("{ " + realm + ", throttle: direct }");
        assertEquals(0L, direct.rejectedByReason().getOrDefault("TOO_LONG", 0L));
        assertEquals(0, direct.waitingAtEnd());

        RunResult ctl = run("{ " + realm + ", throttle: ctl }");
        assertTrue(direct.sent("CHUNK") > 0);
        assertTrue(ctl.rejectedByReason().getOrDefault("TOO_LONG", 0L) > 0);
        assertTrue(ctl.sent("CHUNK") < direct.sent("CHUNK"), "only CHUNKs of 255 bytes or less leave");
        assertEquals(4, ctl.waitingAtEnd(), "nobody receives the new sheet");
    }
}
