package org.syncsim.protocol.data.codec;

import java.nio.charset.StandardCharsets;

/**
 * Writes Lua table-constructor text the way the addon's {@code SerializeTable} does (spec §5.2): {@code {}, entries
 * separated by a single comma (none after the last), keys as {@code [n]=} or {@code ["key"]=}, strings in double
 * quotes with a backslash inserted before {@code "}, {@code \}, LF and CR, numbers and booleans as Lua's
 * {@code tostring} prints them, no whitespace. Strings are written as their UTF-8 bytes; the result is a byte string.
 *
 * <p>The caller supplies entries in the order it wants; this class imposes none.
 */
public final class LuaTextWriter {
    private final StringBuilder out;
    private boolean[] first = new boolean[16];
    private int depth;

    public LuaTextWriter(int capacityHint) {
        out = new StringBuilder(capacityHint);
    }

    public LuaTextWriter beginTable() {
        out.append('{');
        if (++depth == first.length) {
            first = java.util.Arrays.copyOf(first, depth * 2);
        }
        first[depth] = true;
        return this;
    }

    public LuaTextWriter endTable() {
        out.append('}');
        depth--;
        return this;
    }

    /** Starts an entry with key {@code ["key"]=}. */
    public LuaTextWriter key(String key) {
        separate();
        out.append("[");
        quoted(key);
        out.append("]=");
        return this;
    }

    /** Starts an entry with key {@code [n]=}. */
    public LuaTextWriter key(long index) {
        separate();
        out.append('[').append(index).append("]=");
        return this;
    }

    public LuaTextWriter string(String value) {
        quoted(value);
        return this;
    }

    public LuaTextWriter number(long value) {
        out.append(value);
        return this;
    }

    public LuaTextWriter bool(boolean value) {
        out.append(value);
        return this;
    }

    /** An array of strings as {@code {[1]="a",[2]="b"}}. */
    public LuaTextWriter stringArray(Iterable<String> values) {
        beginTable();
        long i = 1;
        for (String v : values) {
            key(i++).string(v);
        }
        return endTable();
    }

    /** An array of integers as {@code {[1]=3,[2]=7}}. */
    public LuaTextWriter numberArray(Iterable<Integer> values) {
        beginTable();
        long i = 1;
        for (int v : values) {
            key(i++).number(v);
        }
        return endTable();
    }

    /** The text written so far (a byte string). */
    public String text() {
        return out.toString();
    }

    /** True if every character of {@code s} is ASCII written as is (no escape, no UTF-8 encoding). */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x80 || c == '"' || c == '\\' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    private void separate() {
        if (first[depth]) {
            first[depth] = false;
        } else {
            out.append(',');
        }
    }

    private void quoted(String s) {
        out.append('"');
        if (plain(s)) {
            out.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c == '"' || c == '\\' || c == '\n' || c == '\r') {
                    out.append('\\');
                }
                out.append(c);
            } else {
                appendUtf8(s, i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                }
            }
        }
        out.append('"');
    }

    private void appendUtf8(String s, int i) {
        int cp = s.codePointAt(i);
        byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            out.append((char) (x & 0xFF));
        }
    }
}
