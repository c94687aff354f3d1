package org.syncsim.protocol.client;

import org.syncsim.protocol.clock.AddonTimers;
import org.syncsim.protocol.data.codec.LuaVersion;

/**
 * What the addon leaves unspecified, fixed by the simulator and exposed as parameters (spec preface, §12.2, §13):
 * a result that changes when one of these changes depends on behaviour the addon does not pin down.
 *
 * @param rosterEventOnLogin whether a roster event fires after login or {@code /reload} while grouped (§13.5);
 *     default yes, so every reload of a Live Sync member sends {@code VER} + {@code BSREQ}
 * @param chunkOrder the order of chunk transfers within a push ({@code pairs()} order, §6(e) step 4; §12.2)
 * @param timerOrder the order of the addon's timers that expire in the same frame ({@code pairs()} order, §12.2)
 * @param luaRandom how {@code math.random} is seeded across clients (§13.3): independent generators, or every
 *     client seeded identically, which correlates responder jitter and transfer ids
 * @param lua the Lua the addon runs in: the game's 5.0 (default), or 5.1, where the spec's sizes were measured;
 *     they differ in {@code table.concat}, which LibCompress's compressor trips over (see {@code LibCompress})
 */
public record FixedChoices(boolean rosterEventOnLogin, ChunkOrder chunkOrder, AddonTimers.Order timerOrder,
        LuaRandom luaRandom, LuaVersion lua) {

    /**
     * The defaults: roster event on login, chunks in Lua 5.0's {@code pairs()} order (what the addon does), timers
     * in scheduling order, independent random, the game's Lua 5.0.
     */
    public static final FixedChoices DEFAULTS = new FixedChoices(true, ChunkOrder.LUA_PAIRS,
            AddonTimers.Order.SCHEDULED, LuaRandom.INDEPENDENT, LuaVersion.LUA_5_0);

    public FixedChoices {
        if (chunkOrder == null || timerOrder == null || luaRandom == null || lua == null) {
            throw new IllegalArgumentException("every fixed choice needs a value");
        }
    }

    /** Order of the chunked sections of one push. */
    public enum ChunkOrder {
        /** Ascending section index. */
        ASCENDING,
        /** Descending section index. */
        DESCENDING,
        /**
         * What the addon does: Lua 5.0's {@code pairs()} order over the table {@code neededChunking} that
         * {@code SendAllSections} fills in ascending section order ({@link org.syncsim.protocol.chunk.LuaPairsOrder});
         * ascending when the chunked sections are 1..n, otherwise generally not.
         */
        LUA_PAIRS
    }

    /** Seeding of the Lua random generator. */
    public enum LuaRandom {
        /** Each client draws from its own stream {@code client/<name>/lua-random}. */
        INDEPENDENT,
        /** Every client's generator starts from the same seed (stream {@code lua-random/shared}): equal draws. */
        SHARED
    }
}
