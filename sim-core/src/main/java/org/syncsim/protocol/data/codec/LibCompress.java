package org.syncsim.protocol.data.codec;

import java.util.Arrays;

/**
 * One client's loaded LibCompress: its Huffman compressor together with the output table the library reuses from
 * one call to the next, which lives as long as the client's Lua state (until {@code /reload} or logout).
 *
 * <p>LibCompress writes the compressed bytes of each 200-symbol block of input into one reused table
 * ({@code tables.Huffman_compressed}), indices 1..n, and keeps the block as {@code table.concat(t, "", 1, n)}
 * (TWRA's copy, {@code libs/LibCompress.lua}, {@code CompressHuffman}). When the input's last block completes no
 * whole byte (its bits and those pending from the block before stay under 8, as when a text's length is 1 more
 * than a multiple of 200 and the last code word is short), n is 0. Lua 5.1 returns the empty string for an end
 * index of 0; Lua 5.0, the game's VM, reads 0 as "no end given" and concatenates the table up to its border, the
 * highest index any earlier block of this Lua state wrote ({@code ltablib.c}, {@code str_concat}:
 * {@code if (n == 0) n = luaL_getn(L, 1)}; {@code luaL_getn} counts entries up to the first nil). Those stale
 * bytes land in the container before its last, partial byte, so the container grows and the decoder reads them as
 * the text's last symbols: the text's end decodes wrong. The library means to empty the table 15 s after use, but
 * its {@code setCleanupTables} only marks tables that are already marked, and none is, so the table is never
 * emptied. The decompressor has the same pattern but flushes after every symbol, so its end index is 0 only for a
 * one-byte text, which the compressor always stores raw: decoding is unaffected.
 *
 * <p>Other addons sharing the library through LibStub would write to the same table; SyncSim models TWRA's calls
 * only. Not thread-safe: one instance belongs to one client.
 */
public final class LibCompress {

    private final LuaVersion lua;
    private byte[] table = new byte[0];
    private int border;

    private LibCompress(LuaVersion lua) {
        this.lua = lua;
    }

    /** A freshly loaded library (a new Lua state) in {@code lua}. */
    public static LibCompress loaded(LuaVersion lua) {
        return new LibCompress(lua);
    }

    /** {@code LibCompress:CompressHuffman(input)} in this Lua state; see {@link HuffmanContainer}. */
    public byte[] compressHuffman(byte[] input) {
        return lua == LuaVersion.LUA_5_0 ? HuffmanContainer.compress(input, this) : HuffmanContainer.compress(input);
    }

    /** A block of {@code from..to} of {@code bytes} written at indices 1.. of the reused table. */
    void write(byte[] bytes, int from, int to) {
        int n = to - from;
        if (n > table.length) {
            table = Arrays.copyOf(table, Math.max(n, table.length * 2));
        }
        System.arraycopy(bytes, from, table, 0, n);
        border = Math.max(border, n);
    }

    /** Lua 5.0's {@code table.concat(t, "", 1, 0)}: the whole table up to its border. */
    byte[] wholeTable() {
        return Arrays.copyOf(table, border);
    }

    /**
     * The container as this Lua state assembles it from {@code container}, whose block {@code j} ends at byte
     * {@code blockEnds[j]} (the 5-byte header belongs to the first block; the last, partial byte to none): each
     * block's bytes pass through the reused table, and a block that completes no byte contributes the whole table.
     */
    byte[] assemble(byte[] container, int[] blockEnds) {
        byte[] out = new byte[container.length];
        int size = 0;
        int start = 0;
        for (int end : blockEnds) {
            byte[] part;
            int from;
            int to;
            if (end > start) {
                write(container, start, end);
                part = container;
                from = start;
                to = end;
            } else {
                part = wholeTable();
                from = 0;
                to = part.length;
            }
            if (size + (to - from) > out.length) {
                out = Arrays.copyOf(out, Math.max(out.length * 2, size + (to - from) + 1));
            }
            System.arraycopy(part, from, out, size, to - from);
            size += to - from;
            start = end;
        }
        int tail = container.length - start;
        if (size + tail > out.length) {
            out = Arrays.copyOf(out, size + tail);
        }
        System.arraycopy(container, start, out, size, tail);
        return Arrays.copyOf(out, size + tail);
    }
}
