package org.syncsim.protocol.cpu;

/**
 * The kinds of Lua work a client is charged CPU for, each with its own cost per byte ({@link CpuCosts}); the key
 * is how the work is named to a {@link org.syncsim.metrics.MetricsRecorder} and in a scenario's {@code protocol.cpu}.
 */
public enum CpuWork {
    /** {@code SerializeTable}: a section table (or the name list) written as Lua text; per byte of text. */
    SERIALISE("serialise"),
    /** LibCompress Huffman compression in pure Lua; per byte of text compressed. */
    COMPRESS("compress"),
    /** Base64 encoding or decoding in pure Lua ({@code core/Base64.lua}); per Base64 character. */
    BASE64("base64"),
    /** LibCompress Huffman decompression in pure Lua; per byte of text produced. */
    DECOMPRESS("decompress"),
    /** {@code loadstring} of the decompressed text and the table rebuild (padding, skeleton); per byte of text. */
    REBUILD("rebuild"),
    /** Building, routing and joining message strings (concatenation, {@code string.find}/{@code sub}); per byte. */
    MESSAGE("message");

    private final String key;

    CpuWork(String key) {
        this.key = key;
    }

    /** The stable name, e.g. {@code decompress}. */
    public String key() {
        return key;
    }
}
