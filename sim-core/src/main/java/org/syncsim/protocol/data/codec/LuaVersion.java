package org.syncsim.protocol.data.codec;

/**
 * The Lua the client runs the addon's libraries in. WoW 1.12 embeds Lua 5.0; the spec's measurements (§5.6) were
 * taken under Lua 5.1, whose {@code table.concat} differs in the one way {@link LibCompress} documents.
 */
public enum LuaVersion {
    /** The game's own VM (WoW 1.12): {@code table.concat(t, sep, 1, 0)} concatenates the whole table. */
    LUA_5_0,
    /** Lua 5.1: {@code table.concat(t, sep, 1, 0)} is the empty string. */
    LUA_5_1
}
