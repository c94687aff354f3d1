package org.syncsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code protocol.choices}: what the addon leaves unspecified, fixed with these defaults and open to change
 * (spec preface, §12.2, §13), so that a result can be checked for depending on them.
 *
 * @param rosterEventOnLogin whether a roster event fires after login or {@code /reload} while grouped (§13.5;
 *     default true)
 * @param chunkOrder order of the chunked sections within a push: ascending, descending, or Lua 5.0's
 *     {@code pairs()} order as the addon sends them (default lua-pairs)
 * @param timerOrder order of timers that expire in the same frame (default scheduled)
 * @param luaRandom seeding of {@code math.random} across clients (default independent)
 * @param lua the Lua the addon runs in: {@code "5.0"}, the game's VM (default), or {@code "5.1"}, where the spec's
 *     sizes were measured
 */
public record ChoicesSpec(Boolean rosterEventOnLogin, ChunkOrder chunkOrder, TimerOrder timerOrder,
        LuaRandom luaRandom, Lua lua) {
    public ChoicesSpec {
        rosterEventOnLogin = rosterEventOnLogin == null ? Boolean.TRUE : rosterEventOnLogin;
        chunkOrder = chunkOrder == null ? ChunkOrder.LUA_PAIRS : chunkOrder;
        timerOrder = timerOrder == null ? TimerOrder.SCHEDULED : timerOrder;
        luaRandom = luaRandom == null ? LuaRandom.INDEPENDENT : luaRandom;
        lua = lua == null ? Lua.LUA_5_0 : lua;
    }

    public static ChoicesSpec defaults() {
        return new ChoicesSpec(null, null, null, null, null);
    }

    /** Chunk order within a push. */
    public enum ChunkOrder {
        @JsonProperty("ascending") ASCENDING,
        @JsonProperty("descending") DESCENDING,
        /** Lua 5.0's {@code pairs()} order over the chunked section indices, as the addon sends them. */
        @JsonProperty("lua-pairs") LUA_PAIRS
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

    /** The Lua version: {@code "5.0"} or {@code "5.1"}, quoted or not (YAML reads a bare 5.0 as a number). */
    public enum Lua {
        @JsonProperty("5.0") LUA_5_0("5.0"),
        @JsonProperty("5.1") LUA_5_1("5.1");

        private final String version;

        Lua(String version) {
            this.version = version;
        }

        @JsonCreator
        public static Lua of(String text) {
            for (Lua l : values()) {
                if (l.version.equals(text)) {
                    return l;
                }
            }
            throw new IllegalArgumentException("expected one of 5.0, 5.1, got " + text);
        }
    }
}
