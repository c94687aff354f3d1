package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code protocol.choices}: what the addon leaves unspecified, fixed with these defaults and open to change
 * (spec preface, §12.2, §13), so that a result can be checked for depending on them.
 *
 * @param rosterEventOnLogin whether a roster event fires after login or {@code /reload} while grouped (§13.5;
 *     default true)
 * @param chunkOrder order of the chunked sections within a push (default ascending)
 * @param timerOrder order of timers that expire in the same frame (default scheduled)
 * @param luaRandom seeding of {@code math.random} across clients (default independent)
 */
public record ChoicesSpec(Boolean rosterEventOnLogin, ChunkOrder chunkOrder, TimerOrder timerOrder,
        LuaRandom luaRandom) {
    public ChoicesSpec {
        rosterEventOnLogin = rosterEventOnLogin == null ? Boolean.TRUE : rosterEventOnLogin;
        chunkOrder = chunkOrder == null ? ChunkOrder.ASCENDING : chunkOrder;
        timerOrder = timerOrder == null ? TimerOrder.SCHEDULED : timerOrder;
        luaRandom = luaRandom == null ? LuaRandom.INDEPENDENT : luaRandom;
    }

    public static ChoicesSpec defaults() {
        return new ChoicesSpec(null, null, null, null);
    }

    /** Chunk order within a push. */
    public enum ChunkOrder {
        @JsonProperty("ascending") ASCENDING,
        @JsonProperty("descending") DESCENDING
    }

    /** Order of timers due in the same frame. */
    public enum TimerOrder {
        @JsonProperty("scheduled") SCHEDULED,
        @JsonProperty("reversed") REVERSED
    }

    /** {@code math.random} seeding. */
    public enum LuaRandom {
        @JsonProperty("independent") INDEPENDENT,
        @JsonProperty("shared") SHARED
    }
}
