package org.syncsim.protocol.data.codec;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The LibCompress Huffman container (8-bit symbols) as TWRA uses it (spec §5.4), implemented from the
 * container's description, not from LibCompress's source.
 *
 * <p>Layout of a compressed container: byte 0 = {@code 0x03}; byte 1 = (number of distinct symbols - 1) mod 256;
 * bytes 2-4 = uncompressed length, 24-bit little-endian; then a bit stream (bits packed least-significant first
 * into successive bytes, the last byte zero-padded) holding, per symbol, 8 bits of symbol value, its code word
 * escaped (each code bit 0 written as {@code 0}, each 1 as {@code 1,0}), and the terminator {@code 1,1}; then
 * the code words of the input, one per byte. A code word's bit {@code k} is the branch taken at depth {@code k}
 * (1 = first child dequeued, 0 = second), written first-bit-first.
 *
 * <p>Fallbacks, as in LibCompress: an empty input, or a container not smaller than input + 1, becomes
 * {@code 0x01} + the raw input; if an escaped code word plus the bits still pending in LibCompress's 32-bit bit
 * buffer would exceed 32 bits, the result is {@code 0x00} + the raw input, which decoders reject.
 *
 * <p>Choices where LibCompress leaves the order unspecified (Lua's unstable {@code table.sort} on equal weights,
 * {@code pairs} order of the symbol map): leaves are ordered by (weight, byte value) ascending and the map is
 * written in ascending byte order. The bytes can differ from the addon's, the size cannot: a different order of
 * equal weights only swaps leaves of equal weight, which keeps every code length, the data's bit count and the
 * multiset of escaped code lengths, so the map's bit count too (the map's order could matter only for the 32-bit
 * fallback below, which TWRA's texts never reach).
 *
 * <p>Under Lua 5.0 (the game's VM) the library's reused output table can add stale bytes to a container; that is
 * {@link LibCompress}'s part, used through {@link LibCompress#compressHuffman}.
 *
 * <p>Known divergence: LibCompress loses bits when a data code word longer than 25 bits meets a nearly full bit
 * buffer (it ignores its own overflow signal in the data loop); this writer stores such code words correctly.
 * Such codes need inputs of hundreds of kilobytes with Fibonacci-like symbol counts and never occur in TWRA data.
 *
 * <p>Reference: LibCompress (WoW library by jjsheets and Galmok), {@code CompressHuffman} /
 * {@code DecompressHuffman}; TWRA spec §5.4.
 */
public final class HuffmanContainer {

    /** Container method byte of raw (uncompressed) data. */
    public static final int RAW = 0x01;
    /** Container method byte of Huffman-compressed data. */
    public static final int HUFFMAN = 0x03;
    /** Method byte LibCompress emits when a code word is too long; decoders reject it. */
    public static final int NEVER_USED = 0x00;
    /** LibCompress gathers the compressed bytes of each {@value} input symbols into one string. */
    static final int BLOCK = 200;
    /** Largest input the 24-bit length field can describe; longer inputs get their length modulo 2^24. */
    public static final int MAX_INPUT = (1 << 24) - 1;

    private HuffmanContainer() {}

    /**
     * Compresses {@code input} exactly as LibCompress's Huffman codec does. Like LibCompress, an input longer than
     * {@link #MAX_INPUT} bytes gets its length field modulo 2^24, so it decodes truncated.
     */
    public static byte[] compress(byte[] input) {
        return compress(input, null);
    }

    /**
     * {@link #compress(byte[])} as Lua 5.0 runs it in the Lua state of {@code lib} (whose reused output table may
     * add stale bytes, see {@link LibCompress}), or as Lua 5.1 runs it when {@code lib} is null.
     */
    static byte[] compress(byte[] input, LibCompress lib) {
        if (input.length == 0) {
            return new byte[] {RAW};
        }
        long[] weight = new long[256];
        for (byte b : input) {
            weight[b & 0xFF]++;
        }
        Node root = buildTree(weight);
        int symbolCount = 0;
        long[] code = new long[256];
        int[] length = new int[256];
        Arrays.fill(length, -1);
        assignCodes(root, 0L, 0, code, length);
        if (root.symbol >= 0) {
            // A single-symbol tree: LibCompress gives the root the one-bit code 0.
            code[root.symbol] = 0;
            length[root.symbol] = 1;
        }
        for (int s = 0; s < 256; s++) {
            if (weight[s] > 0) {
                symbolCount++;
            }
        }

        BitWriter out = new BitWriter(input.length / 2 + 64);
        out.writeByte(HUFFMAN);
        out.writeByte((symbolCount - 1) & 0xFF);
        out.writeByte(input.length & 0xFF);
        out.writeByte((input.length >>> 8) & 0xFF);
        out.writeByte((input.length >>> 16) & 0xFF);
        for (int s = 0; s < 256; s++) {
            if (weight[s] == 0) {
                continue;
            }
            out.writeBits(s, 8);
            int len = length[s];
            int escapedLength = len > 64 ? Integer.MAX_VALUE : len + Long.bitCount(code[s]);
            if (len > 64 || out.pendingBits() + (long) escapedLength > 32) {
                if (lib != null) {
                    int whole = out.wholeBytes();
                    lib.write(out.finish(), 0, whole);
                }
                return prefixed(NEVER_USED, input);
            }
            for (int k = 0; k < len; k++) {
                if (((code[s] >>> k) & 1L) != 0) {
                    out.writeBits(0b01, 2); // bit 1 then bit 0
                } else {
                    out.writeBits(0, 1);
                }
            }
            out.writeBits(0b11, 2);
        }
        int[] blockEnds = new int[(input.length + BLOCK - 1) / BLOCK];
        for (int i = 0; i < input.length; i++) {
            int s = input[i] & 0xFF;
            out.writeCode(code[s], length[s]);
            if ((i + 1) % BLOCK == 0 || i + 1 == input.length) {
                blockEnds[i / BLOCK] = out.wholeBytes();
            }
        }
        byte[] container = out.finish();
        if (lib != null) {
            container = lib.assemble(container, blockEnds);
        }
        if (input.length + 1 <= container.length) {
            return prefixed(RAW, input);
        }
        return container;
    }

    /** The outcome of {@link #decompress}: the bytes, or why the container is invalid. */
    public sealed interface Result {
        record Ok(byte[] data) implements Result {}

        record Invalid(String reason) implements Result {}
    }

    /**
     * Decodes a container: {@code 0x01} + raw data, or a Huffman container. Strict where LibCompress is lenient:
     * a bit stream that ends before the declared length is rejected (LibCompress would return the shorter text).
     * Never throws.
     */
    public static Result decompress(byte[] container) {
        if (container.length == 0) {
            return new Result.Invalid("empty container");
        }
        int method = container[0] & 0xFF;
        if (method == RAW) {
            return new Result.Ok(Arrays.copyOfRange(container, 1, container.length));
        }
        if (method != HUFFMAN) {
            return new Result.Invalid("unknown container method " + method);
        }
        if (container.length < 5) {
            return new Result.Invalid("truncated header");
        }
        int symbols = (container[1] & 0xFF) + 1;
        int size = (container[2] & 0xFF) | (container[3] & 0xFF) << 8 | (container[4] & 0xFF) << 16;
        if (size == 0) {
            return new Result.Ok(new byte[0]);
        }
        BitReader in = new BitReader(container, 5);
        // Decoding trie: node n has children child[2n] (bit 0) and child[2n+1] (bit 1); leaf[n] = symbol or -1.
        int capacity = 64;
        int[] child = new int[2 * capacity];
        int[] leaf = new int[capacity];
        Arrays.fill(leaf, -1);
        int nodes = 1;
        for (int i = 0; i < symbols; i++) {
            if (in.remaining() < 8) {
                return new Result.Invalid("truncated symbol map");
            }
            int symbol = (int) in.read(8);
            int node = 0;
            int depth = 0;
            int escaped = 0;
            while (true) {
                if (in.remaining() < 1) {
                    return new Result.Invalid("truncated symbol map");
                }
                int bit = (int) in.read(1);
                escaped++;
                if (bit == 1) {
                    if (in.remaining() < 1) {
                        return new Result.Invalid("truncated symbol map");
                    }
                    if (in.read(1) == 1) {
                        break; // terminator 1,1
                    }
                    escaped++;
                }
                if (escaped > 32) {
                    return new Result.Invalid("code word longer than 32 escaped bits");
                }
                if (nodes + 1 >= capacity) {
                    capacity *= 2;
                    child = Arrays.copyOf(child, 2 * capacity);
                    int old = leaf.length;
                    leaf = Arrays.copyOf(leaf, capacity);
                    Arrays.fill(leaf, old, capacity, -1);
                }
                int slot = 2 * node + bit;
                if (child[slot] == 0) {
                    child[slot] = nodes++;
                }
                node = child[slot];
                depth++;
            }
            if (depth == 0) {
                return new Result.Invalid("empty code word for symbol " + symbol);
            }
            leaf[node] = symbol;
        }
        if (in.remaining() < size) {
            return new Result.Invalid("bit stream too short for " + size + " symbols");
        }
        byte[] out = new byte[size];
        int[] fast = firstByteTable(child, leaf);
        for (int i = 0; i < size; i++) {
            if (in.remaining() >= FAST_BITS) {
                int e = fast[in.peek(FAST_BITS)];
                if (e >= 0) {
                    in.skip(e >>> 8);
                    out[i] = (byte) e;
                    continue;
                }
            }
            int node = 0;
            do {
                if (in.remaining() < 1) {
                    return new Result.Invalid("bit stream ends after " + i + " of " + size + " symbols");
                }
                int next = child[2 * node + (int) in.read(1)];
                if (next == 0) {
                    return new Result.Invalid("invalid code word at symbol " + i);
                }
                node = next;
            } while (leaf[node] < 0);
            out[i] = (byte) leaf[node];
        }
        return new Result.Ok(out);
    }

    /** Bits looked up at once by the decoder's fast path. */
    private static final int FAST_BITS = 8;

    /**
     * For each value of the next {@value #FAST_BITS} bits (first bit least significant), the symbol whose code word
     * they start with and its length, as {@code length << 8 | symbol}; -1 where the code word is longer or the bits
     * leave the trie (the bit-by-bit walk then decides, with its own error). Only a lookup of what the walk would
     * find: the decoded bytes and every error are the walk's.
     */
    private static int[] firstByteTable(int[] child, int[] leaf) {
        int[] table = new int[1 << FAST_BITS];
        for (int bits = 0; bits < table.length; bits++) {
            int node = 0;
            int entry = -1;
            for (int k = 0; k < FAST_BITS; k++) {
                node = child[2 * node + ((bits >>> k) & 1)];
                if (node == 0) {
                    break;
                }
                if (leaf[node] >= 0) {
                    entry = (k + 1) << 8 | leaf[node];
                    break;
                }
            }
            table[bits] = entry;
        }
        return table;
    }

    private static byte[] prefixed(int method, byte[] input) {
        byte[] out = new byte[input.length + 1];
        out[0] = (byte) method;
        System.arraycopy(input, 0, out, 1, input.length);
        return out;
    }

    private static final class Node {
        final long weight;
        final int symbol;
        final Node first;
        final Node second;

        Node(long weight, int symbol, Node first, Node second) {
            this.weight = weight;
            this.symbol = symbol;
            this.first = first;
            this.second = second;
        }
    }

    /** Two-queue Huffman construction; on equal weights a leaf is dequeued before an internal node. */
    private static Node buildTree(long[] weight) {
        ArrayDeque<Node> leaves = new ArrayDeque<>();
        Integer[] order = new Integer[256];
        for (int s = 0; s < 256; s++) {
            order[s] = s;
        }
        Arrays.sort(order, (a, b) -> weight[a] != weight[b] ? Long.compare(weight[a], weight[b]) : Integer.compare(a, b));
        for (int s : order) {
            if (weight[s] > 0) {
                leaves.add(new Node(weight[s], s, null, null));
            }
        }
        ArrayDeque<Node> internal = new ArrayDeque<>();
        while (leaves.size() + internal.size() > 1) {
            Node a = dequeueLightest(leaves, internal);
            Node b = dequeueLightest(leaves, internal);
            internal.add(new Node(a.weight + b.weight, -1, a, b));
        }
        return internal.isEmpty() ? leaves.poll() : internal.poll();
    }

    private static Node dequeueLightest(ArrayDeque<Node> leaves, ArrayDeque<Node> internal) {
        if (internal.isEmpty()) {
            return leaves.poll();
        }
        if (leaves.isEmpty()) {
            return internal.poll();
        }
        return leaves.peek().weight <= internal.peek().weight ? leaves.poll() : internal.poll();
    }

    private static void assignCodes(Node node, long code, int depth, long[] codes, int[] lengths) {
        if (node.symbol >= 0) {
            codes[node.symbol] = code;
            lengths[node.symbol] = depth;
            return;
        }
        long firstCode = depth < 64 ? code | (1L << depth) : code;
        assignCodes(node.first, firstCode, depth + 1, codes, lengths);
        assignCodes(node.second, code, depth + 1, codes, lengths);
    }

    /** Packs bits least-significant first into bytes. */
    private static final class BitWriter {
        private byte[] buf;
        private int size;
        private long acc;
        private int accBits;

        BitWriter(int initial) {
            buf = new byte[Math.max(16, initial)];
        }

        /** Bits written since the last whole byte (whole bytes may still wait in the accumulator). */
        int pendingBits() {
            return accBits & 7;
        }

        /** Whole bytes written so far, the last partial one not counted. */
        int wholeBytes() {
            return size + (accBits >>> 3);
        }

        /** Appends a byte; only at a byte boundary with nothing pending (the header). */
        void writeByte(int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        /** Appends the low {@code n} bits of {@code value}, n at most 32. */
        void writeBits(long value, int n) {
            acc |= (value & ((1L << n) - 1)) << accBits;
            accBits += n;
            if (accBits >= 32) {
                ensure(4);
                buf[size] = (byte) acc;
                buf[size + 1] = (byte) (acc >>> 8);
                buf[size + 2] = (byte) (acc >>> 16);
                buf[size + 3] = (byte) (acc >>> 24);
                size += 4;
                acc >>>= 32;
                accBits -= 32;
            }
        }

        void writeCode(long code, int n) {
            while (n > 32) {
                writeBits(code, 32);
                code >>>= 32;
                n -= 32;
            }
            writeBits(code, n);
        }

        byte[] finish() {
            while (accBits > 0) {
                ensure(1);
                buf[size++] = (byte) acc;
                acc >>>= 8;
                accBits -= 8;
            }
            acc = 0;
            accBits = 0;
            return Arrays.copyOf(buf, size);
        }

        private void ensure(int n) {
            if (size + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
            }
        }
    }

    /** Reads bits least-significant first from a byte array. */
    private static final class BitReader {
        private final byte[] data;
        private long bitPos;
        private final long bitEnd;

        BitReader(byte[] data, int byteOffset) {
            this.data = data;
            this.bitPos = (long) byteOffset * 8;
            this.bitEnd = (long) data.length * 8;
        }

        long remaining() {
            return bitEnd - bitPos;
        }

        /** The next {@code n} bits (first bit least significant) without consuming them; n <= 8 and <= remaining. */
        int peek(int n) {
            int byteIndex = (int) (bitPos >>> 3);
            int shift = (int) (bitPos & 7);
            int v = (data[byteIndex] & 0xFF) >>> shift;
            if (shift + n > 8) {
                v |= (data[byteIndex + 1] & 0xFF) << (8 - shift);
            }
            return v & ((1 << n) - 1);
        }

        void skip(int n) {
            bitPos += n;
        }

        long read(int n) {
            long v = 0;
            for (int i = 0; i < n; i++) {
                int byteIndex = (int) (bitPos >>> 3);
                int bit = (data[byteIndex] >>> (int) (bitPos & 7)) & 1;
                v |= (long) bit << i;
                bitPos++;
            }
            return v;
        }
    }
}
