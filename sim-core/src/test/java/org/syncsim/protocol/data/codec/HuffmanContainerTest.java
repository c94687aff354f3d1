package org.syncsim.protocol.data.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class HuffmanContainerTest {

    private static byte[] roundTrip(byte[] input) {
        byte[] container = HuffmanContainer.compress(input);
        HuffmanContainer.Result r = HuffmanContainer.decompress(container);
        HuffmanContainer.Result.Ok ok = assertInstanceOf(HuffmanContainer.Result.Ok.class, r);
        return ok.data();
    }

    private static byte[] hex(String s) {
        String[] parts = s.trim().split("\\s+");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return out;
    }

    @Test
    void containerLayoutMatchesTheSpecBitForBit() {
        // 40 x 'a' + 8 x 'b'. Leaves by weight: b(8), a(40); b is dequeued first so it takes branch bit 1:
        // code(b) = 1, code(a) = 0. Header 03 | 02-1 | 48 as 24-bit LE; map in byte order, LSB-first bits:
        // 'a' 0x61 -> 1000 0110, code 0 -> 0, terminator 11; 'b' 0x62 -> 0100 0110, code 1 -> 10, terminator 11;
        // then 40 zero bits and 8 one bits. 23 + 48 = 71 bits = 9 bytes.
        byte[] input = new byte[48];
        Arrays.fill(input, 0, 40, (byte) 'a');
        Arrays.fill(input, 40, 48, (byte) 'b');
        byte[] expected = hex("03 01 30 00 00 61 16 6B 00 00 00 00 80 7F");
        assertArrayEquals(expected, HuffmanContainer.compress(input));
        assertArrayEquals(input, roundTrip(input));
    }

    @Test
    void emptyInputIsTheRawMarkerAlone() {
        assertArrayEquals(new byte[] {1}, HuffmanContainer.compress(new byte[0]));
        assertArrayEquals(new byte[0], roundTrip(new byte[0]));
    }

    @Test
    void incompressibleShortInputFallsBackToRawWithPrefixOne() {
        byte[] input = "aaab".getBytes();
        // Huffman would need 5 header bytes + 27 bits = 9 bytes, not smaller than 4 + 1.
        assertArrayEquals(hex("01 61 61 61 62"), HuffmanContainer.compress(input));
        assertArrayEquals(input, roundTrip(input));
    }

    @Test
    void singleSymbolInputUsesOneBitPerByte() {
        byte[] input = new byte[100];
        Arrays.fill(input, (byte) 'x');
        byte[] c = HuffmanContainer.compress(input);
        // 5 header bytes, map = 8 + 1 + 2 bits, data = 100 bits: ceil(111 / 8) = 14.
        assertEquals(19, c.length);
        assertEquals(3, c[0]);
        assertEquals(0, c[1]);
        assertArrayEquals(input, roundTrip(input));
    }

    @Test
    void allByteValuesRoundTripAndCountByteWraps() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {11, 12});
        byte[] input = new byte[20_000];
        for (int i = 0; i < input.length; i++) {
            input[i] = (byte) (i < 256 ? i : rng.nextInt(40));
        }
        byte[] c = HuffmanContainer.compress(input);
        assertEquals(3, c[0]);
        assertEquals((byte) 255, c[1]);
        assertEquals(20_000 & 0xFF, c[2] & 0xFF);
        assertEquals((20_000 >> 8) & 0xFF, c[3] & 0xFF);
        assertArrayEquals(input, roundTrip(input));
    }

    @Test
    void randomInputsRoundTripThroughEveryOutcome() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {2026, 4});
        for (int trial = 0; trial < 400; trial++) {
            int length = trial < 20 ? trial : rng.nextInt(3000);
            int alphabet = 1 + rng.nextInt(trial % 3 == 0 ? 256 : 30);
            byte[] input = new byte[length];
            for (int i = 0; i < length; i++) {
                // Skewed draws so code lengths vary widely.
                int s = (int) (alphabet * Math.pow(rng.nextDouble(), 3));
                input[i] = (byte) Math.min(alphabet - 1, s);
            }
            byte[] c = HuffmanContainer.compress(input);
            assertTrue(c[0] == 1 || c[0] == 3, "method byte");
            assertTrue(c.length <= input.length + 1, "never larger than raw + 1");
            assertArrayEquals(input, roundTrip(input), "trial " + trial);
        }
    }

    /** Symbol counts 1, 1, 2, 3, 5, 8, ... give a maximally deep tree: symbol k's code has about k bits. */
    private static byte[] fibonacciInput(int symbols) {
        long[] w = new long[symbols];
        w[0] = 1;
        w[1] = 1;
        for (int i = 2; i < symbols; i++) {
            w[i] = w[i - 1] + w[i - 2];
        }
        long total = Arrays.stream(w).sum();
        byte[] input = new byte[(int) total];
        int p = 0;
        for (int s = 0; s < symbols; s++) {
            for (long k = 0; k < w[s]; k++) {
                input[p++] = (byte) s;
            }
        }
        return input;
    }

    @Test
    void longButLegalCodesRoundTrip() {
        byte[] input = fibonacciInput(16); // deepest codes: 15 bits, escaped well under 32
        byte[] c = HuffmanContainer.compress(input);
        assertEquals(3, c[0]);
        assertArrayEquals(input, roundTrip(input));
    }

    @Test
    void codeWordsOverThirtyTwoEscapedBitsGiveNeverUsedMarkerThatDecodersReject() {
        byte[] input = fibonacciInput(30); // deepest codes: 29 bits; escaped with their 1 bits they exceed 32
        byte[] c = HuffmanContainer.compress(input);
        assertEquals(0, c[0]);
        assertArrayEquals(input, Arrays.copyOfRange(c, 1, c.length));
        assertInstanceOf(HuffmanContainer.Result.Invalid.class, HuffmanContainer.decompress(c));
    }

    @Test
    void corruptContainersAreRejectedWithoutThrowing() {
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {5, 5});
        byte[] good = HuffmanContainer.compress("{[\"Section Name\"]=\"Patchwerk\",[\"timestamp\"]=1747458000}".repeat(5).getBytes());
        assertEquals(3, good[0]);
        assertInstanceOf(HuffmanContainer.Result.Invalid.class, HuffmanContainer.decompress(new byte[0]));
        assertInstanceOf(HuffmanContainer.Result.Invalid.class, HuffmanContainer.decompress(new byte[] {3, 0, 5}));
        assertInstanceOf(HuffmanContainer.Result.Invalid.class, HuffmanContainer.decompress(new byte[] {2, 1, 2}));
        // Claims 2^24 - 1 bytes but carries a few bits: rejected before decoding.
        assertInstanceOf(HuffmanContainer.Result.Invalid.class,
                HuffmanContainer.decompress(new byte[] {3, 0, -1, -1, -1, 0x61, 0x06, 0x00}));
        assertInstanceOf(HuffmanContainer.Result.Invalid.class,
                HuffmanContainer.decompress(Arrays.copyOf(good, good.length - 3)), "truncated stream");
        for (int trial = 0; trial < 20_000; trial++) {
            byte[] m = trial % 2 == 0 ? good.clone() : new byte[rng.nextInt(40)];
            if (trial % 2 == 0) {
                for (int k = 0; k < 1 + rng.nextInt(4); k++) {
                    m[rng.nextInt(m.length)] = (byte) rng.nextInt(256);
                }
            } else {
                rng.nextBytes(m);
                if (m.length > 0 && rng.nextBoolean()) {
                    m[0] = 3;
                }
            }
            HuffmanContainer.decompress(m); // must not throw
        }
    }
}
