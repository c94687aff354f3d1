package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** LibCompress's reused output table under Lua 5.0 and 5.1 ({@code table.concat(t, "", 1, 0)}). */
class LibCompressTest {

    /**
     * 198 x 'a', 'b', 'c', 'c': codes a = 1 bit, b and c 2 bits. The first 200 symbols fill whole bytes but for
     * pending bits that, with the last symbol's 2-bit code, stay under 8: the second block completes no byte.
     */
    private static final byte[] LAST_BLOCK_EMPTY = text("a".repeat(198) + "bcc");

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    @Test
    void underLua51TheLibraryIsThePureCompressor() {
        LibCompress lib = LibCompress.loaded(LuaVersion.LUA_5_1);
        assertArrayEquals(HuffmanContainer.compress(LAST_BLOCK_EMPTY), lib.compressHuffman(LAST_BLOCK_EMPTY));
        assertArrayEquals(HuffmanContainer.compress(LAST_BLOCK_EMPTY), lib.compressHuffman(LAST_BLOCK_EMPTY));
    }

    @Test
    void underLua50AnEmptyLastBlockRepeatsTheWholeTableBeforeTheLastByte() {
        byte[] pure = HuffmanContainer.compress(LAST_BLOCK_EMPTY);
        byte[] game = LibCompress.loaded(LuaVersion.LUA_5_0).compressHuffman(LAST_BLOCK_EMPTY);
        // a fresh table holds only the first block: header, map and the first 200 symbols, i.e. all but the
        // container's last (partial) byte; Lua 5.0 concatenates it again in place of the empty second block
        byte[] firstBlock = Arrays.copyOf(pure, pure.length - 1);
        assertArrayEquals(concat(firstBlock, firstBlock, new byte[] {pure[pure.length - 1]}), game);
        assertEquals(2 * pure.length - 1, game.length);
    }

    @Test
    void theStaleBytesDecodeAsTheTextsLastSymbols() {
        byte[] game = LibCompress.loaded(LuaVersion.LUA_5_0).compressHuffman(LAST_BLOCK_EMPTY);
        HuffmanContainer.Result.Ok ok = assertInstanceOf(HuffmanContainer.Result.Ok.class,
                HuffmanContainer.decompress(game));
        assertEquals(LAST_BLOCK_EMPTY.length, ok.data().length, "the length field still says 201");
        assertArrayEquals(Arrays.copyOf(LAST_BLOCK_EMPTY, 200), Arrays.copyOf(ok.data(), 200),
                "the first block decodes right");
        assertFalse(Arrays.equals(LAST_BLOCK_EMPTY, ok.data()), "the last symbols come from the stale bytes");
    }

    @Test
    void theTableKeepsEarlierCallsBytesForTheLifeOfTheLuaState() {
        LibCompress lib = LibCompress.loaded(LuaVersion.LUA_5_0);
        // one block (200 symbols) with a large map: the table holds its whole bytes, more than the crafted text's
        byte[] earlierText = text("abcdefghijklmnopqrstuvwxyz" + "a".repeat(174));
        byte[] earlier = lib.compressHuffman(earlierText);
        assertEquals(HuffmanContainer.HUFFMAN, earlier[0]);
        byte[] pure = HuffmanContainer.compress(LAST_BLOCK_EMPTY);
        int firstBlock = pure.length - 1;
        assertTrue(earlier.length - 1 > firstBlock, "the earlier call wrote further into the table");

        byte[] game = lib.compressHuffman(LAST_BLOCK_EMPTY);
        byte[] stale = Arrays.copyOfRange(game, firstBlock, game.length - 1);
        assertTrue(stale.length == earlier.length - 1 || stale.length == earlier.length,
                "the table's border is where the earlier call's whole bytes ended: " + stale.length);
        assertArrayEquals(Arrays.copyOf(pure, firstBlock), Arrays.copyOf(stale, firstBlock),
                "this call's first block overwrote the start of the table");
        assertArrayEquals(Arrays.copyOfRange(earlier, firstBlock, stale.length),
                Arrays.copyOfRange(stale, firstBlock, stale.length), "the rest is the earlier call's bytes");
    }

    @Test
    void aLastBlockThatCompletesAByteIsUnaffected() {
        byte[] input = text("a".repeat(150) + "bc".repeat(30) + "ddd");
        byte[] pure = HuffmanContainer.compress(input);
        assertArrayEquals(pure, LibCompress.loaded(LuaVersion.LUA_5_0).compressHuffman(input));
    }
}
